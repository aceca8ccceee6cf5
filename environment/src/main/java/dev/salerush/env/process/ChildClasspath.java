package dev.salerush.env.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath of a child JVM, derived from the running JVM so it works under plain {@code java -cp}, surefire and
 * failsafe forks (which put a manifest-only "booter" jar on {@code java.class.path}) and the JVM that
 * gatling-maven-plugin forks:
 * <ol>
 *   <li>every entry of {@code java.class.path}, with the {@code Class-Path} of jar manifests expanded (recursively);</li>
 *   <li>plus the code source (jar or classes directory) of each required class, in case the classes were loaded by
 *       a class loader other than the application class loader, and every entry of that class loader when it is a
 *       {@link URLClassLoader} (under {@code exec:java} the project's classpath is such a loader's, not
 *       {@code java.class.path}, which holds only Maven's launcher);</li>
 *   <li>then each required class is checked to be present in one of the entries - if not, a {@link LaunchException}
 *       names the class instead of letting the child fail with a {@code ClassNotFoundException}.</li>
 * </ol>
 */
public final class ChildClasspath {

    private ChildClasspath() {
    }

    /** The current JVM's classpath, expanded, plus the locations of {@code required}; verified to contain them. */
    public static List<Path> forClasses(Class<?>... required) {
        Set<Path> entries = new LinkedHashSet<>(expand(System.getProperty("java.class.path", "")));
        for (Class<?> type : required) {
            location(type).ifPresentOrElse(entries::add, () -> { });
            entries.addAll(entriesOf(type.getClassLoader()));
        }
        List<Path> result = new ArrayList<>(entries);
        verify(result, required);
        return result;
    }

    /** Only the locations of the given classes (no java.class.path), verified. */
    public static List<Path> onlyLocationsOf(Class<?>... classes) {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            entries.add(location(type).orElseThrow(() -> new LaunchException(
                    "cannot locate the jar or directory of " + type.getName() + " (no code source)")));
        }
        List<Path> result = new ArrayList<>(entries);
        verify(result, classes);
        return result;
    }

    /**
     * The file entries of a class loader other than the application's, when it is a {@link URLClassLoader} (its
     * parents are not asked: under Maven they hold Maven's own jars); empty otherwise.
     */
    static List<Path> entriesOf(ClassLoader loader) {
        List<Path> entries = new ArrayList<>();
        if (loader instanceof URLClassLoader urls && loader != ClassLoader.getSystemClassLoader()) {
            for (URL url : urls.getURLs()) {
                try {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(Paths.get(url.toURI()).toAbsolutePath().normalize());
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file entry; the verification below reports missing classes
                }
            }
        }
        return entries;
    }

    public static String join(List<Path> entries) {
        List<String> parts = new ArrayList<>(entries.size());
        for (Path p : entries) {
            parts.add(p.toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    /** The jar or directory a class was loaded from. */
    public static java.util.Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Paths.get(url.toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The entries of a classpath string with the {@code Class-Path} of every jar's manifest expanded. */
    static List<Path> expand(String classPath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addExpanded(Paths.get(entry).toAbsolutePath().normalize(), entries, 0);
            }
        }
        return new ArrayList<>(entries);
    }

    private static void addExpanded(Path entry, Set<Path> entries, int depth) {
        if (!entries.add(entry) || depth > 4) {
            return;
        }
        if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
            return;
        }
        String manifestClassPath;
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            manifestClassPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        } catch (IOException e) {
            return;
        }
        if (manifestClassPath == null || manifestClassPath.isBlank()) {
            return;
        }
        URI base = entry.getParent().toUri();
        for (String ref : manifestClassPath.trim().split("\\s+")) {
            try {
                // Manifest entries are URLs, absolute (file:/...) or relative to the jar's directory.
                URI uri = base.resolve(ref);
                if ("file".equals(uri.getScheme())) {
                    addExpanded(Paths.get(uri).toAbsolutePath().normalize(), entries, depth + 1);
                }
            } catch (IllegalArgumentException e) {
                // Not a usable reference; the verification below reports missing classes.
            }
        }
    }

    private static void verify(List<Path> entries, Class<?>... required) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : required) {
            String resource = type.getName().replace('.', '/') + ".class";
            if (entries.stream().noneMatch(e -> contains(e, resource))) {
                missing.add(type.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("cannot build the child classpath: " + missing
                    + " not found in java.class.path (expanded) or the classes' code sources; java.class.path="
                    + System.getProperty("java.class.path"));
        }
    }

    private static boolean contains(Path entry, String resource) {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve(resource));
        }
        if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                return jar.getEntry(resource) != null;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
