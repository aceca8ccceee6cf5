package dev.salerush.sim.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ItWallTimesTest {
    @TempDir
    Path root;

    private void report(String module, String className, String time) throws Exception {
        Path dir = Files.createDirectories(root.resolve(module).resolve("target/failsafe-reports"));
        Files.writeString(dir.resolve("TEST-" + className + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="%s" time="%s" tests="1" errors="0" skipped="0" failures="0"><testcase name="a"/></testsuite>
                """.formatted(className, time));
    }

    @Test
    void listsEveryModulesItClassesSlowestFirst() throws Exception {
        report("environment", "dev.salerush.env.it.HaproxyIT", "15.36");
        report("simulations", "dev.salerush.sim.it.DrillsIT", "1,468.2");
        report("simulations", "dev.salerush.sim.it.SmokeRunIT", "42.6");
        Files.createDirectories(root.resolve("data-seeder/target/surefire-reports"));

        String table = ItWallTimes.render(ItWallTimes.read(root));

        assertThat(table).isEqualTo("""
                IT wall times
                DrillsIT 1468 s
                SmokeRunIT 43 s
                HaproxyIT 15 s
                (3 IT classes, 1526 s in all)
                """);
    }
}
