package dev.salerush.seeder.cli;

import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.plan.GoldenPlanChecker;
import dev.salerush.seeder.plan.GoldenPlans;
import dev.salerush.seeder.plan.NamedQueries;
import dev.salerush.seeder.plan.StatsImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plan-record}: EXPLAIN a team's named queries on a (production) database into a golden file. */
@Command(name = "plan-record", mixinStandardHelpOptions = true,
        description = "EXPLAIN (FORMAT JSON) each named query of a SQL file on a database, e.g. a read-only "
                + "production replica, and write the reduced plan trees as a golden file for plan-check --golden. "
                + "Writes nothing to the database.")
final class PlanRecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReadOnlyTarget source = new ReadOnlyTarget();

    @Option(names = "--queries", required = true, paramLabel = "FILE",
            description = "SQL file: '-- name: <name>' before each statement, literal parameters")
    Path queries;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "golden file to write (JSON)")
    Path out;

    @Option(names = "--stats-out", paramLabel = "FILE", description = "also write the planner statistics of the "
            + "tables the plans use (input of plan-check/seed --import-stats; PostgreSQL 18+ imports them)")
    Path statsOut;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Map<String, String> named = readQueries(cl, "--queries", queries);
        ReadOnlyTarget.requireWritableFile(cl, "--out", out);
        if (statsOut != null) {
            ReadOnlyTarget.requireWritableFile(cl, "--stats-out", statsOut);
        }
        DbTarget target = source.resolve(cl);
        PrintWriter stdout = cl.getOut();
        GoldenPlans golden;
        try (Connection c = ReadOnlyTarget.open(target, stdout)) {
            try {
                golden = GoldenPlanChecker.record(c, named);
            } catch (SQLException e) {
                cl.getErr().println("plan-record failed: " + e.getMessage());
                return SeederCli.EXIT_FAILED;
            }
            if (statsOut != null) {
                StatsImporter.export(c, List.copyOf(golden.tables().keySet()), statsOut);
                stdout.println("wrote planner statistics of " + golden.tables().keySet() + " to " + statsOut);
            }
        }
        golden.write(out);
        stdout.println("recorded " + golden.queries().size() + " plan(s) on " + golden.server() + " to " + out);
        return 0;
    }

    /** The named queries of a file, or a usage error naming the option and the problem. */
    static Map<String, String> readQueries(CommandLine cl, String option, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw SeederCli.invalidOption(cl, option, file + " is not a readable file");
        }
        try {
            return NamedQueries.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw SeederCli.invalidOption(cl, option, file + ": " + e.getMessage());
        } catch (IOException e) {
            throw SeederCli.invalidOption(cl, option, file + " cannot be read (" + e.getMessage() + ")");
        }
    }
}
