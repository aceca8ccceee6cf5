package dev.salerush.seeder.cli;

import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.profile.Profiler;
import dev.salerush.seeder.profile.SpecWriter;
import dev.salerush.seeder.profile.TableProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code profile}: a spec skeleton (HOCON, the format of seed --spec) from a database's statistics only. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Read table sizes and column statistics (never text values) of a database, e.g. a read-only "
                + "production replica, and write a spec skeleton reproducing its counts and skews. Writes nothing "
                + "to the database.")
final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReadOnlyTarget source = new ReadOnlyTarget();

    @Option(names = "--schema", defaultValue = "public", description = "schema to profile (default: public)")
    String schema;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "only these tables, comma-separated (default: every table of the schema)")
    List<String> tables = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "spec file to write (HOCON)")
    Path out;

    @Option(names = "--exact-counts", description = "count(*) every table instead of using pg_class.reltuples")
    boolean exactCounts;

    @Option(names = "--seed", defaultValue = "" + SpecWriter.DEFAULT_SEED, description = "seed written into the spec")
    long seed;

    @Option(names = "--locale", defaultValue = "ko", description = "locale written into the spec (default: ko)")
    String locale;

    @Override
    public Integer call() throws Exception {
        var cl = spec.commandLine();
        if (schema.isBlank()) {
            throw SeederCli.invalidOption(cl, "--schema", "empty (allowed: a schema name, e.g. public)");
        }
        if (tables.stream().anyMatch(String::isBlank)) {
            throw SeederCli.invalidOption(cl, "--tables", "empty table name in " + tables
                    + " (allowed: names separated by commas, e.g. seller,item)");
        }
        if (!locale.matches("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")) {
            throw SeederCli.invalidOption(cl, "--locale", "'" + locale + "' (allowed: a language tag, e.g. ko or en-US)");
        }
        ReadOnlyTarget.requireWritableFile(cl, "--out", out);
        DbTarget target = source.resolve(cl);
        PrintWriter stdout = cl.getOut();
        List<TableProfile> profiled;
        try (Connection c = ReadOnlyTarget.open(target, stdout)) {
            try {
                profiled = Profiler.profile(c, schema, tables, exactCounts);
            } catch (IllegalArgumentException e) {
                throw SeederCli.invalidOption(cl, tables.isEmpty() ? "--schema" : "--tables", e.getMessage());
            }
        }
        ReadOnlyTarget.writeAtomically(out, SpecWriter.write(profiled, target.describe(), seed, locale));
        for (TableProfile t : profiled) {
            stdout.printf("  %-24s %,14d rows  %d columns%n", t.name(), t.rows(), t.columns().size());
        }
        stdout.println("row counts from " + (exactCounts ? "count(*)" : "pg_class.reltuples (planner estimates)"));
        stdout.println("wrote spec skeleton of " + profiled.size() + " table(s) to " + out
                + " — review the lines marked '# review'");
        return 0;
    }
}
