package dev.salerush.seeder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeederCliTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void badScaleIsAUsageErrorNamingTheOptionAndTheAllowedRange() {
        CliRun r = run("seed", "--scale", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--scale", "> 0", "<= 20");
        assertThat(run("seed", "--scale", "abc").err()).contains("--scale", "abc");
        assertThat(run("seed", "--scale", "21").code()).isEqualTo(2);
    }

    @Test
    void otherArgumentErrorsAreUsageErrors() {
        assertThat(run("seed", "--frobnicate").code()).isEqualTo(2);
        CliRun both = run("seed", "--embedded", "--db-url", "jdbc:postgresql://127.0.0.1/x");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--embedded", "--db-url", "mutually exclusive");
        CliRun url = run("seed", "--db-url", "postgres://localhost/x");
        assertThat(url.code()).isEqualTo(2);
        assertThat(url.err()).contains("--db-url", "jdbc:postgresql:");
        CliRun config = run("seed", "--config", "/nonexistent/salerush.conf");
        assertThat(config.code()).isEqualTo(2);
        assertThat(config.err()).contains("--config");
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("seed", "--seed", "x1").err()).contains("--seed");
    }

    /** Bad input, tried systematically: each row is an argument list and the start of its one message. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "seed --scale abc                        | 2 | Invalid value for option '--scale': 'abc' is not a double",
            "seed --scale -1                         | 2 | Invalid value for option '--scale'",
            "seed --scale 1e9                        | 2 | Invalid value for option '--scale'",
            "seed --scale ''                         | 2 | Invalid value for option '--scale'",
            "seed --seed 9999999999999999999999      | 2 | Invalid value for option '--seed'",
            "seed --seed '1; DROP TABLE product'     | 2 | Invalid value for option '--seed'",
            "seed --scal 2                           | 2 | Unknown options: '--scal', '2'; did you mean --scale",
            "sed                                     | 2 | Unmatched argument at index 0: 'sed'",
            "seed --db-url ''                        | 2 | Invalid value for option '--db-url'",
            "seed --db-url postgres://localhost/x    | 2 | Invalid value for option '--db-url'",
            "seed --db-url jdbc:postgresql://127.0.0.1:99999/x | 2 | Invalid value for option '--db-url'",
            "seed --db-url 'jdbc:postgresql://127.0.0.1:5432/x?x=1&host=10.0.0.5' | 3 | refused: host '10.0.0.5'",
            "seed --db-url jdbc:postgresql://10.0.0.5/shop | 3 | refused: host '10.0.0.5'",
            "seed --db-url 'jdbc:postgresql://localhost@evil.example/shop' | 2 | Invalid value for option '--db-url': user info",
            "seed --report ''                        | 2 | Invalid value for option '--report'",
            "seed --report .                         | 2 | Invalid value for option '--report'",
            "verify --import-stats x                 | 2 | Unknown options: '--import-stats', 'x'"})
    void eachBadArgumentGivesOneMessageAndANonZeroExit(String line, int exitCode, String message) {
        String[] args = java.util.Arrays.stream(line.trim().split(" (?=(?:[^']*'[^']*')*[^']*$)"))
                .map(arg -> arg.replace("'", "")).toArray(String[]::new);
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(exitCode);
        assertThat(r.err()).startsWith(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void hostNotAllowedIsRefusedWithExitCode3AndNoPasswordInOutput() {
        CliRun r = run("seed", "--db-url", "jdbc:postgresql://db.prod.internal:5432/shop?password=hunter2");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("db.prod.internal", "db.allowedHosts").doesNotContain("hunter2");
    }

    @Test
    void dryRunPrintsTargetCountsAndStepsAndWritesNothing() {
        CliRun r = run("seed", "--dry-run", "--scale", "0.01", "--db-url",
                "jdbc:postgresql://127.0.0.1:1/nothing?password=hunter2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("dry run", "127.0.0.1:1", "2,240", "16,500", "COPY", "fingerprint")
                .doesNotContain("hunter2");
    }

    @Test
    void seedsAnEmbeddedDatabaseAndWritesAJsonReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        CliRun r = run("seed", "--embedded", "--scale", "0.001", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("product", "total", "fingerprint");
        String json = Files.readString(report);
        assertThat(json).contains("\"table\" : \"product\"", "\"rows\" : 224", "\"totalSeconds\"", "\"rowsPerSecond\"",
                "\"fingerprint\"");
    }
}
