package dev.salerush.seeder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.SeederException;
import dev.salerush.seeder.bench.Benchmark;
import dev.salerush.seeder.config.SalerushConfig;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.embedded.EmbeddedDatabaseException;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.seeder.plan.GoldenPlanChecker;
import dev.salerush.seeder.plan.GoldenPlans;
import dev.salerush.seeder.plan.PlanCheckResult;
import dev.salerush.seeder.plan.PlanChecker;
import dev.salerush.seeder.plan.PlanMismatchException;
import dev.salerush.seeder.plan.StatsImporter;
import dev.salerush.seeder.safety.JdbcUrls;
import dev.salerush.seeder.safety.SafetyException;
import dev.salerush.seeder.safety.TargetGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar data-seeder.jar <command> [options]}: seed, verify, plan-check, benchmark, stats-export,
 * profile, plan-record.
 * Exit codes: 0 ok, 1 failed (database error, verify or plan mismatch), 2 bad arguments, 3 refused by a safety rule.
 */
@Command(name = "data-seeder", mixinStandardHelpOptions = true, version = "salerush data-seeder",
        description = "Fills PostgreSQL with salerush's deterministic production-volume dataset and checks plans.",
        subcommands = {SeederCli.Seed.class, SeederCli.Verify.class, SeederCli.PlanCheck.class,
                SeederCli.Bench.class, SeederCli.StatsExport.class, ProfileCommand.class, PlanRecordCommand.class,
                CommandLine.HelpCommand.class})
public final class SeederCli implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_REFUSED = 3;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: seed, verify, plan-check, benchmark, "
                + "stats-export, profile or plan-record");
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/salerush/seeder/cli/logback-cli.xml");
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SeederCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(ex.getMessage() + didYouMean(ex));
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ParameterException pe) {
                e.println(pe.getMessage());
                e.println("Try '" + pe.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
                return EXIT_USAGE;
            }
            if (ex instanceof SafetyException) {
                e.println(ex.getMessage());
                return EXIT_REFUSED;
            }
            if (ex instanceof PlanMismatchException || ex instanceof SeederException
                    || ex instanceof EmbeddedDatabaseException) {
                e.println(ex.getMessage());
                return EXIT_FAILED;
            }
            e.println("failed: " + ex);
            return EXIT_FAILED;
        });
        return cl.execute(args);
    }

    /** Options shared by the commands that talk to a database. */
    static final class Common {
        @Option(names = "--config", paramLabel = "FILE",
                description = "HOCON config layered over the packaged defaults and salerush.conf or conf/salerush.conf in the working directory")
        Path config;

        @Option(names = "--db-url", paramLabel = "JDBC_URL",
                description = "PostgreSQL JDBC URL (overrides db.url); its host must be in db.allowedHosts")
        String dbUrl;

        @Option(names = "--user", description = "database user (overrides db.user); the password is read only from "
                + "SALERUSH_DB_PASSWORD or PGPASSWORD")
        String user;

        @Option(names = "--embedded", description = "start a throwaway embedded PostgreSQL for this command")
        boolean embedded;

        @Option(names = "--scale", description = "multiplies every row count (overrides dataset.scale), 0 < scale <= "
                + DatasetSpec.MAX_SCALE)
        Double scale;

        @Option(names = "--seed", description = "dataset seed (overrides dataset.seed)")
        Long seed;

        @Option(names = "--report", paramLabel = "FILE", description = "write the result as JSON to FILE")
        Path report;

        /** Validates everything before any connection is made; bad input is a usage error naming the option. */
        Resolved resolve(CommandSpec spec) {
            CommandLine cl = spec.commandLine();
            Config conf;
            try {
                conf = SalerushConfig.load(config);
            } catch (RuntimeException e) {
                throw invalidOption(cl, "--config", e.getMessage());
            }
            if (scale != null && (!(scale > 0) || scale > DatasetSpec.MAX_SCALE)) {
                throw invalidOption(cl, "--scale", scale
                        + " (allowed: a number > 0 and <= " + DatasetSpec.MAX_SCALE + ", e.g. 0.01 or 1)");
            }
            DatasetSpec ds;
            try {
                ds = DatasetSpec.fromConfig(conf.getConfig("dataset"));
                if (scale != null) {
                    ds = ds.withScale(scale);
                }
                if (seed != null) {
                    ds = ds.withSeed(seed);
                }
            } catch (RuntimeException e) {
                throw new ParameterException(cl, "Invalid dataset configuration in " + SalerushConfig.source(config)
                        + ": " + e.getMessage());
            }
            if (embedded && dbUrl != null) {
                throw new ParameterException(cl, "Options '--embedded' and '--db-url' are mutually exclusive "
                        + "(allowed: one of them, or neither to use db.url from the config)");
            }
            if (dbUrl != null && dbUrl.isBlank()) {
                throw invalidOption(cl, "--db-url", "empty (allowed: jdbc:postgresql://host[:port]/database; for a"
                        + " throwaway database use --embedded)");
            }
            if (report != null && (report.toString().isBlank() || Files.isDirectory(report))) {
                throw invalidOption(cl, "--report", "'" + report + "' is not a file name (allowed: a JSON file to write,"
                        + " e.g. seed-report.json)");
            }
            if (report != null && report.toAbsolutePath().getParent() != null
                    && !Files.isDirectory(report.toAbsolutePath().getParent())) {
                throw invalidOption(cl, "--report", "directory of " + report + " does not exist");
            }
            DbTarget target = null;
            boolean useEmbedded = embedded;
            if (!useEmbedded) {
                String url = dbUrl != null ? dbUrl : conf.getString("db.url");
                if (url.isBlank()) {
                    useEmbedded = true;
                } else {
                    String key = dbUrl != null ? "--db-url" : "db.url";
                    try {
                        JdbcUrls.parse(url);
                    } catch (IllegalArgumentException e) {
                        throw invalidOption(cl, key, e.getMessage()
                                + " (allowed: jdbc:postgresql://host[:port]/database)");
                    }
                    target = DbTarget.fromConfig(conf.getConfig("db"), url, user);
                }
            }
            return new Resolved(conf, ds, target, useEmbedded, report);
        }
    }

    /** Validated options. */
    record Resolved(Config config, DatasetSpec spec, DbTarget external, boolean embedded, Path report) {

        String targetDescription() {
            return embedded ? "embedded PostgreSQL (throwaway, started for this command)" : external.describe();
        }

        /** Opens the target: starts the embedded database, or checks the external host (nothing written yet). */
        OpenTarget open() {
            if (embedded) {
                EmbeddedDatabase db = EmbeddedDatabase.start();
                return new OpenTarget(DbTarget.of(db), db);
            }
            TargetGuard.checkHosts(external.jdbcUrl(), external.allowedHosts());
            return new OpenTarget(external, null);
        }
    }

    record OpenTarget(DbTarget target, EmbeddedDatabase embedded) implements AutoCloseable {

        /**
         * A seeder for a command that reads the dataset (no plan check after seeding): a throwaway embedded database
         * is empty, so it is seeded first; an external one is used as it is.
         */
        Seeder seederWithDataset(DatasetSpec spec, ProgressListener progress) {
            Seeder seeder = new Seeder(target).progress(progress).planCheckAfterSeed(false);
            if (embedded != null) {
                seeder.seed(spec);
            }
            return seeder;
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** A command on the database named by the {@link Common} options. */
    abstract static class DatabaseCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** A usage error unless {@code file} is null or a regular file. */
        void requireFileIfGiven(String option, Path file) {
            if (file != null && !Files.isRegularFile(file)) {
                throw invalidOption(spec.commandLine(), option, file + " is not a file");
            }
        }
    }

    /** picocli's nearest options for a misspelt one, e.g. "; did you mean --scale?" for --scal. */
    private static String didYouMean(ParameterException ex) {
        if (ex instanceof picocli.CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    static ParameterException invalidOption(CommandLine cl, String option, String problem) {
        return new ParameterException(cl, "Invalid value for option '" + option + "': " + problem);
    }

    static ProgressListener progressListener() {
        return System.console() != null ? new ConsoleProgress(System.err) : ProgressListener.NONE;
    }

    static void writeReport(Path file, Object report) throws IOException {
        if (file != null) {
            Files.writeString(file, JSON.writeValueAsString(report) + "\n");
        }
    }

    static void printSeedReport(PrintWriter out, SeedReport r) {
        if (r.noOp()) {
            out.println(r.note());
            out.println("fingerprint " + r.fingerprint());
            return;
        }
        out.printf("%-10s %12s %9s %12s%n", "table", "rows", "seconds", "rows/s");
        for (SeedReport.TableReport t : r.tables()) {
            out.printf("%-10s %,12d %9.3f %,12d%n", t.table(), t.rows(), t.seconds(), t.rowsPerSecond());
        }
        for (SeedReport.StepReport s : r.steps()) {
            out.printf("  %-52s %7.3f s%n", s.step(), s.seconds());
        }
        out.printf("total      %,12d %9.3f %,12d  (%s)%n", r.totalRows(), r.totalSeconds(), r.rowsPerSecond(), r.note());
        out.println("fingerprint " + r.fingerprint());
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Load the dataset (a no-op when the database already holds it), then check plans.")
    static final class Seed extends DatabaseCommand {

        @Option(names = "--dry-run", description = "print target, counts and planned steps; write nothing")
        boolean dryRun;

        @Option(names = "--no-plan-check", description = "skip the plan check after seeding")
        boolean noPlanCheck;

        @Option(names = "--import-stats", paramLabel = "FILE",
                description = "import planner statistics (JSON, see stats-export) after loading; PostgreSQL 18+")
        Path importStats;

        @Option(names = "--spec", paramLabel = "FILE",
                description = "seed the target's existing schema from this seed spec (docs/seed-spec.md) instead of "
                        + "the built-in dataset")
        Path seedSpec;

        @Option(names = "--schema", paramLabel = "FILE",
                description = "with --spec and --embedded: DDL to create in the throwaway database first")
        Path schema;

        @Override
        public Integer call() throws Exception {
            if (seedSpec != null && (importStats != null || noPlanCheck)) {
                throw invalidOption(spec.commandLine(), importStats != null ? "--import-stats" : "--no-plan-check",
                        "not with --spec (the plan check and statistics import are for the built-in dataset)");
            }
            if (seedSpec != null) {
                return SpecSeedCommand.run(spec.commandLine(), common, seedSpec, schema, dryRun);
            }
            if (schema != null) {
                throw invalidOption(spec.commandLine(), "--schema", "only with --spec");
            }
            Resolved r = common.resolve(spec);
            requireFileIfGiven("--import-stats", importStats);
            PrintWriter out = out();
            if (dryRun) {
                dryRun(out, r);
                return 0;
            }
            try (OpenTarget t = r.open()) {
                SeedReport report = new Seeder(t.target()).progress(progressListener())
                        .planCheckAfterSeed(!noPlanCheck).importStats(importStats).seed(r.spec());
                printSeedReport(out, report);
                writeReport(r.report(), report);
                if (t.embedded() != null) {
                    out.println("(embedded database: it is removed when this command ends)");
                }
            }
            return 0;
        }

        private void dryRun(PrintWriter out, Resolved r) {
            out.println("dry run: nothing is written");
            out.println("target:  " + r.targetDescription());
            if (!r.embedded()) {
                try {
                    TargetGuard.checkHosts(r.external().jdbcUrl(), r.external().allowedHosts());
                    out.println("         host allowed by db.allowedHosts " + r.external().allowedHosts());
                } catch (SafetyException e) {
                    out.println("         would be REFUSED: " + e.getMessage());
                }
            }
            out.println("config:  " + SalerushConfig.source(common.config));
            out.println("spec:    " + r.spec().canonicalJson());
            out.println("fingerprint " + r.spec().fingerprint());
            DatasetLayout layout = DatasetLayout.of(r.spec());
            out.println("rows:");
            Seeder.expectedCounts(layout).forEach((table, n) -> out.printf("  %-10s %,12d%n", table, n));
            out.println("steps:");
            List<String> steps = new ArrayList<>(List.of(
                    "check target (allowed host, not a standby, empty or carrying the salerush marker)",
                    "skip everything if the marker holds this fingerprint in state COMPLETE",
                    "drop salerush tables if a different or unfinished dataset is present",
                    "create tables and write the marker (state LOADING)",
                    "COPY brand, product, app_user, orders, payment (binary, one transaction each)",
                    "keys, indexes and VACUUM (ANALYZE) per table, overlapping the loads",
                    "restart the orders/payment identities after the historical ids"));
            if (importStats != null) {
                steps.add("import planner statistics from " + importStats);
            }
            steps.add("mark the dataset COMPLETE");
            if (!noPlanCheck) {
                steps.add("plan check of the key queries");
            }
            for (int i = 0; i < steps.size(); i++) {
                out.printf("  %d. %s%n", i + 1, steps.get(i));
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check row counts and the fingerprint against the spec (with --embedded: seed first).")
    static final class Verify extends DatabaseCommand {

        @Override
        public Integer call() throws Exception {
            Resolved r = common.resolve(spec);
            PrintWriter out = out();
            try (OpenTarget t = r.open()) {
                Seeder seeder = t.seederWithDataset(r.spec(), progressListener());
                Seeder.VerifyReport v = seeder.verify(r.spec());
                out.printf("%-10s %12s %12s%n", "table", "expected", "actual");
                v.expectedRows().forEach((table, n) -> out.printf("%-10s %,12d %,12d%n", table, n,
                        v.actualRows().getOrDefault(table, -1L)));
                out.println("fingerprint expected " + v.expectedFingerprint());
                out.println("fingerprint actual   " + v.actualFingerprint() + " (" + v.state() + ")");
                v.notes().forEach(n -> out.println("note: " + n));
                v.problems().forEach(p -> out.println("PROBLEM: " + p));
                out.println(v.ok() ? "verify: OK" : "verify: FAILED");
                writeReport(r.report(), v);
                return v.ok() ? 0 : EXIT_FAILED;
            }
        }
    }

    @Command(name = "plan-check", mixinStandardHelpOptions = true,
            description = "EXPLAIN the key queries and compare with the expected plans (with --embedded: seed first).")
    static final class PlanCheck extends DatabaseCommand {

        @Option(names = "--expected", paramLabel = "FILE", description = "expected plans (default: the packaged file)")
        Path expected;

        @Option(names = "--record", paramLabel = "FILE", description = "write the actual plans as a new expected file")
        Path record;

        @Option(names = "--golden", paramLabel = "FILE", description = "check a team's queries against a golden "
                + "file of plan-record instead of the built-in key queries")
        Path golden;

        @Option(names = "--queries", paramLabel = "FILE", description = "with --golden: the team's current query "
                + "file (its SQL is explained; queries on one side only fail)")
        Path queries;

        @Option(names = "--import-stats", paramLabel = "FILE", description = "with --golden: import planner "
                + "statistics (plan-record --stats-out) before the check; PostgreSQL 18+, skipped on older servers")
        Path importStats;

        @Override
        public Integer call() throws Exception {
            if (golden != null) {
                return checkGolden();
            }
            if (queries != null || importStats != null) {
                throw invalidOption(spec.commandLine(), queries != null ? "--queries" : "--import-stats",
                        "only together with --golden FILE");
            }
            Resolved r = common.resolve(spec);
            requireFileIfGiven("--expected", expected);
            PrintWriter out = out();
            try (OpenTarget t = r.open()) {
                Seeder seeder = t.seederWithDataset(r.spec(), progressListener());
                DatasetSpec seeded = seeder.seededSpec();
                DatasetLayout layout = DatasetLayout.of(seeded);
                try (Connection c = t.target().connect()) {
                    if (record != null) {
                        PlanChecker.ExpectedPlans plans = PlanChecker.record(c, layout);
                        PlanChecker.write(plans, layout, record);
                        out.println("recorded " + plans.plans().size() + " plans at scale " + seeded.scale()
                                + " to " + record);
                        return 0;
                    }
                    PlanCheckResult result = expected != null
                            ? PlanChecker.check(c, layout, PlanChecker.read(expected))
                            : PlanChecker.check(c, layout);
                    out.print(result.describe());
                    out.println();
                    writeReport(r.report(), result);
                    return result.skipped() || result.passed() ? 0 : EXIT_FAILED;
                }
            }
        }

        /** The team's golden plans on the target (nothing seeded; the database holds the team's data). */
        private Integer checkGolden() throws Exception {
            CommandLine cl = spec.commandLine();
            if (expected != null || record != null) {
                throw invalidOption(cl, expected != null ? "--expected" : "--record",
                        "not together with --golden (the golden file holds the expected plans)");
            }
            if (common.embedded) {
                throw invalidOption(cl, "--embedded", "not together with --golden (allowed: --db-url or db.url "
                        + "of the test database that holds the team's data)");
            }
            GoldenPlans plans = GoldenFile.read(cl, golden);
            Map<String, String> current = queries == null ? null
                    : PlanRecordCommand.readQueries(cl, "--queries", queries);
            requireFileIfGiven("--import-stats", importStats);
            Resolved r = common.resolve(spec);
            PrintWriter out = out();
            try (OpenTarget t = r.open(); Connection c = t.target().connect()) {
                if (importStats != null) {
                    out.println(StatsImporter.importFile(c, importStats).message());
                }
                PlanCheckResult result = GoldenPlanChecker.check(c, plans, current);
                out.println("golden plans recorded on " + plans.server() + "; checking " + t.target().describe());
                out.print(result.describe());
                out.println();
                writeReport(r.report(), result);
                return result.passed() ? 0 : EXIT_FAILED;
            }
        }
    }

    /** Reads a golden file, or a usage error naming --golden. */
    static final class GoldenFile {
        private GoldenFile() {
        }

        static GoldenPlans read(CommandLine cl, Path file) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw invalidOption(cl, "--golden", file + " is not a readable file");
            }
            try {
                return GoldenPlans.read(file);
            } catch (IllegalArgumentException e) {
                throw invalidOption(cl, "--golden", e.getMessage());
            } catch (IOException e) {
                throw invalidOption(cl, "--golden", file + " cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    @Command(name = "stats-export", mixinStandardHelpOptions = true,
            description = "Write the planner statistics of the salerush tables as JSON (input of --import-stats).")
    static final class StatsExport extends DatabaseCommand {

        @CommandLine.Parameters(paramLabel = "FILE", description = "output file")
        Path file;

        @Override
        public Integer call() throws Exception {
            Resolved r = common.resolve(spec);
            try (OpenTarget t = r.open()) {
                t.seederWithDataset(r.spec(), ProgressListener.NONE);
                try (Connection c = t.target().connect()) {
                    StatsImporter.export(c, Seeder.DATA_TABLES, file);
                }
                out().println("wrote statistics of " + Seeder.DATA_TABLES + " to " + file);
            }
            return 0;
        }
    }

    @Command(name = "benchmark", mixinStandardHelpOptions = true,
            description = "On a fresh embedded cluster: seed the full volume (cold and warm JVM), time `pgbench -i` "
                    + "at a comparable row count, print rows/s and the ratio.")
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "HOCON config (dataset section)")
        Path config;

        @Option(names = "--scale", description = "dataset scale (default 1: production volume)")
        Double scale;

        @Option(names = "--pgbench", paramLabel = "PATH", description = "pgbench binary (default: searched)")
        Path pgbench;

        @Option(names = "--report", paramLabel = "FILE", description = "write the figures as JSON to FILE")
        Path report;

        @Option(names = "--spec", paramLabel = "FILE", description = "benchmark this seed spec (with --schema) "
                + "instead of the built-in dataset")
        Path seedSpec;

        @Option(names = "--schema", paramLabel = "FILE", description = "with --spec: the DDL of the spec's schema")
        Path schema;

        @Override
        public Integer call() throws Exception {
            if (seedSpec != null || schema != null) {
                return specBenchmark();
            }
            Common c = new Common();
            c.config = config;
            c.scale = scale == null ? 1.0 : scale;
            c.embedded = true;
            c.report = report;
            Resolved r = c.resolve(spec);
            if (pgbench != null && !Files.isExecutable(pgbench)) {
                throw invalidOption(spec.commandLine(), "--pgbench", pgbench + " is not an executable file");
            }
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> figures = new Benchmark(r.spec(), pgbench, out, progressListener()).run();
            writeReport(report, figures);
            return 0;
        }

        private int specBenchmark() throws Exception {
            CommandLine cl = spec.commandLine();
            if (seedSpec == null || schema == null) {
                throw invalidOption(cl, seedSpec == null ? "--schema" : "--spec",
                        "--spec and --schema go together (allowed: both, or neither for the built-in dataset)");
            }
            if (!Files.isRegularFile(schema)) {
                throw invalidOption(cl, "--schema", schema + " is not a file");
            }
            if (pgbench != null && !Files.isExecutable(pgbench)) {
                throw invalidOption(cl, "--pgbench", pgbench + " is not an executable file");
            }
            com.typesafe.config.Config specConfig = SpecSeedCommand.readSpec(cl, seedSpec);
            try {
                Map<String, Object> figures = new dev.salerush.seeder.bench.SpecBenchmark(specConfig, schema, pgbench,
                        cl.getOut(), progressListener()).run();
                writeReport(report, figures);
            } catch (dev.salerush.seeder.specseed.SpecException e) {
                throw new ParameterException(cl, "Invalid spec " + seedSpec + ": " + e.getMessage());
            }
            return 0;
        }
    }
}
