package dev.salerush.sim.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The reactor's already built artifacts laid out as a Maven local repository of their own, as {@code mvn install}
 * would lay them out: the parent pom and every module's pom and jar under {@code dev/salerush/<artifactId>/<version>/}.
 * Maven runs on it with the user's repository as its read-only tail ({@code -Dmaven.repo.local.tail}), so third-party
 * artifacts come from there while the suite's own come from this build, never from an older install.
 */
final class ReactorRepository {
    private static final String GROUP_PATH = "dev/salerush";

    /** A module: its folder under the project root and its artifactId; {@code jar} false for the parent pom. */
    private record Module(String folder, String artifactId, boolean jar) {
    }

    private static final List<Module> MODULES = List.of(
            new Module(".", "salerush", false),
            new Module("data-seeder", "data-seeder", true),
            new Module("demo-shop", "demo-shop", true),
            new Module("environment", "environment", true),
            new Module("archetype", "salerush-archetype", true),
            new Module("simulations", "salerush-gatling", true));

    private ReactorRepository() {
    }

    /** Copies the artifacts of {@code version} from {@code projectRoot}'s modules into {@code repository}. */
    static void create(Path projectRoot, String version, Path repository) throws IOException {
        for (Module module : MODULES) {
            Path from = projectRoot.resolve(module.folder());
            Path to = repository.resolve(GROUP_PATH).resolve(module.artifactId()).resolve(version);
            Files.createDirectories(to);
            String baseName = module.artifactId() + "-" + version;
            Files.copy(from.resolve("pom.xml"), to.resolve(baseName + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            if (module.jar()) {
                Path jar = from.resolve("target").resolve(baseName + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new AssertionError(jar + " is not built: run ./mvnw install -DskipTests (or package) first");
                }
                Files.copy(jar, to.resolve(baseName + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
