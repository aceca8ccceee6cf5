package dev.salerush.env.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.shop.ShopMain;
import dev.salerush.shop.gateway.PaymentGatewayMain;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClasspathTest {

    @TempDir
    Path dir;

    @Test
    void expandsManifestOnlyJarsLikeSurefiresBooter() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path relative = Files.createFile(lib.resolve("a b.jar"));
        Path classes = Files.createDirectories(dir.resolve("other/classes"));
        Path nested = writeManifestJar(lib.resolve("nested.jar"), "deep.jar");
        Path deep = Files.createFile(lib.resolve("deep.jar"));
        Path booter = writeManifestJar(dir.resolve("booter.jar"),
                "lib/a%20b.jar " + classes.toUri() + " lib/nested.jar");

        List<Path> entries = ChildClasspath.expand(booter + File.pathSeparator + dir.resolve("plain"));

        assertThat(entries).containsExactly(booter, relative, classes, nested, deep, dir.resolve("plain"));
    }

    @Test
    void shopClasspathFromThisJvmContainsEverythingTheShopNeeds() {
        List<Path> entries = ChildClasspath.forClasses(ShopMain.class, io.javalin.Javalin.class,
                org.postgresql.Driver.class, com.zaxxer.hikari.HikariDataSource.class, kotlin.Unit.class);
        assertThat(entries).contains(ChildClasspath.location(io.javalin.Javalin.class).orElseThrow());
        assertThat(entries).allMatch(Files::exists);
    }

    @Test
    void theEntriesOfAProjectClassLoaderAreTakenAsExecJavaHasOne() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = Files.createFile(dir.resolve("lib.jar"));
        try (java.net.URLClassLoader project = new java.net.URLClassLoader(new java.net.URL[] {
                classes.toUri().toURL(), jar.toUri().toURL(), new java.net.URL("http://example.invalid/x.jar")},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(ChildClasspath.entriesOf(project)).containsExactly(classes, jar);
        }
        assertThat(ChildClasspath.entriesOf(ClassLoader.getSystemClassLoader())).isEmpty();
        assertThat(ChildClasspath.entriesOf(null)).isEmpty();
    }

    @Test
    void gatewayClasspathIsOnlyWireMockAndTheShopsOwnClasses() {
        List<Path> entries = ChildClasspath.onlyLocationsOf(wiremock.Run.class, PaymentGatewayMain.class);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getFileName().toString()).startsWith("wiremock-standalone-");
    }

    @Test
    void missingClassIsReportedByName() {
        assertThatThrownBy(() -> ChildClasspath.onlyLocationsOf(String.class))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("java.lang.String");
    }

    private static Path writeManifestJar(Path jar, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }
}
