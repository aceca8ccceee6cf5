package dev.salerush.seeder.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the data-seeder CLI, as a user's shell would see it: exit code, stdout, stderr. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SeederCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
