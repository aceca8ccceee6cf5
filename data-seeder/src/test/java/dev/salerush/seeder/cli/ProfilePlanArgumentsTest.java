package dev.salerush.seeder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments of profile, plan-record and plan-check --golden: one message each, exit 2, nothing connected. */
class ProfilePlanArgumentsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Files.writeString(dir.resolve("unnamed.sql"), "SELECT 1;\n");
        Files.writeString(dir.resolve("dup.sql"), "-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;\n");
        Files.writeString(dir.resolve("ok.sql"), "-- name: a\nSELECT 1;\n");
        Files.writeString(dir.resolve("builtin.json"), "{\"scale\": 1.0, \"queries\": [{\"name\": \"x\", \"plans\": []}]}");
        Files.writeString(dir.resolve("other.json"), "{\"format\": \"something-else/2\"}");
        Files.writeString(dir.resolve("broken.json"), "{not json");
    }

    /** Port 1 on loopback: nothing listens there, so reaching the database would fail with another message. */
    static final String URL = "jdbc:postgresql://127.0.0.1:1/x";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "profile --out DIR/s.conf                               | Missing required option: '--db-url=JDBC_URL'",
            "profile --db-url URL                                   | Missing required option: '--out=FILE'",
            "profile --db-url postgres://h/x --out DIR/s.conf       | Invalid value for option '--db-url'",
            "profile --db-url URL --out DIR/nodir/s.conf            | Invalid value for option '--out': directory of",
            "profile --db-url URL --out DIR                         | Invalid value for option '--out'",
            "profile --db-url URL --out DIR/s.conf --schema ''      | Invalid value for option '--schema': empty",
            "profile --db-url URL --out DIR/s.conf --tables a,,b    | Invalid value for option '--tables': empty table name",
            "profile --db-url URL --out DIR/s.conf --locale 'k o'   | Invalid value for option '--locale'",
            "plan-record --db-url URL --out DIR/g.json              | Missing required option: '--queries=FILE'",
            "plan-record --db-url URL --queries DIR/none.sql --out DIR/g.json | Invalid value for option '--queries': DIR/none.sql is not a readable file",
            "plan-record --db-url URL --queries DIR --out DIR/g.json | Invalid value for option '--queries'",
            "plan-record --db-url URL --queries DIR/unnamed.sql --out DIR/g.json | Invalid value for option '--queries': DIR/unnamed.sql: no named query",
            "plan-record --db-url URL --queries DIR/dup.sql --out DIR/g.json | Invalid value for option '--queries': DIR/dup.sql: duplicate query name 'a'",
            "plan-record --db-url URL --queries DIR/ok.sql --out DIR/nodir/g.json | Invalid value for option '--out': directory of",
            "plan-record --db-url URL --queries DIR/ok.sql --out DIR/g.json --stats-out DIR | Invalid value for option '--stats-out'",
            "plan-check --golden DIR/none.json --db-url URL         | Invalid value for option '--golden': DIR/none.json is not a readable file",
            "plan-check --golden DIR/builtin.json --db-url URL      | Invalid value for option '--golden': DIR/builtin.json is not a plan-record golden file: the built-in plan-check format (use --expected for that)",
            "plan-check --golden DIR/other.json --db-url URL        | Invalid value for option '--golden': DIR/other.json is not a plan-record golden file: format 'something-else/2'",
            "plan-check --golden DIR/broken.json --db-url URL       | Invalid value for option '--golden': DIR/broken.json is not JSON",
            "plan-check --queries DIR/ok.sql --db-url URL           | Invalid value for option '--queries': only together with --golden FILE",
            "plan-check --golden DIR/other.json --record DIR/x.json | Invalid value for option '--record': not together with --golden",
            "plan-check --golden DIR/other.json --embedded          | Invalid value for option '--embedded': not together with --golden"})
    void eachBadArgumentGivesOneMessageAndExit2(String line, String message) {
        String[] args = java.util.Arrays.stream(line.trim().split(" (?=(?:[^']*'[^']*')*[^']*$)"))
                .map(arg -> arg.replace("'", "").replace("DIR", dir.toString()).replace("URL", URL))
                .toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SeederCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).startsWith(message.replace("DIR", dir.toString()));
        assertThat(err.toString().lines().filter(l -> !l.startsWith("Try '"))).hasSize(1);
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("s.conf")).doesNotExist();
        assertThat(dir.resolve("g.json")).doesNotExist();
    }
}
