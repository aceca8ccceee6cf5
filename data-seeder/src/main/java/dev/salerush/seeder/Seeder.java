package dev.salerush.seeder;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.seeder.generate.Tables;
import dev.salerush.seeder.load.TableData;
import dev.salerush.seeder.load.BulkLoad;
import dev.salerush.seeder.plan.PlanCheckResult;
import dev.salerush.seeder.plan.PlanChecker;
import dev.salerush.seeder.plan.PlanMismatchException;
import dev.salerush.seeder.plan.StatsImporter;
import dev.salerush.seeder.safety.TargetGuard;
import dev.salerush.seeder.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link DatasetSpec} into PostgreSQL like pgbench -i: a short list of named steps (check target, drop,
 * create tables, generate + COPY each table, indexes, identities, vacuum analyze, mark complete, plan check).
 *
 * <p>Idempotent: a database already holding the same fingerprint in state COMPLETE is left alone (the report
 * says {@code noOp}); a different fingerprint or a LOADING marker (crashed run) drops salerush's tables and
 * reloads. Nothing is written before the safety checks of {@link TargetGuard} pass.
 */
public final class Seeder {

    private static final Logger log = LoggerFactory.getLogger(Seeder.class);

    /** The loaded tables (the marker table aside), in load order. */
    public static final List<String> DATA_TABLES = List.of("brand", "product", "app_user", "orders", "payment");

    private final DbTarget target;
    private ProgressListener progress = ProgressListener.NONE;
    private boolean planCheckAfterSeed = true;
    private Path importStats;

    public Seeder(DbTarget target) {
        this.target = target;
    }

    public Seeder progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /** Run the plan check after seeding (default true; skipped when the expected plans are for another scale). */
    public Seeder planCheckAfterSeed(boolean enabled) {
        this.planCheckAfterSeed = enabled;
        return this;
    }

    /** Import planner statistics from this JSON file after loading (PostgreSQL 18+; skipped with a message). */
    public Seeder importStats(Path file) {
        this.importStats = file;
        return this;
    }

    public DbTarget target() {
        return target;
    }

    /** Marker row of a database, if any. */
    public record Marker(String fingerprint, String state, String contentChecksum) {
    }

    /** Loads the dataset unless the database already holds it. */
    public SeedReport seed(DatasetSpec spec) {
        long t0 = System.nanoTime();
        String fingerprint = spec.fingerprint();
        try (Connection c = target.connect()) {
            TargetGuard.check(c, target.jdbcUrl(), target.allowedHosts());
            Marker marker = readMarker(c);
            if (marker != null && "COMPLETE".equals(marker.state()) && fingerprint.equals(marker.fingerprint())) {
                String note = "database already holds dataset " + fingerprint.substring(0, 12) + " (COMPLETE): no-op";
                log.info(note);
                // the rows are the spec's: the marker says this exact dataset was loaded and verified
                List<SeedReport.TableReport> tables = expectedCounts(DatasetLayout.of(spec)).entrySet().stream()
                        .map(e -> new SeedReport.TableReport(e.getKey(), e.getValue(), 0, 0, 0, null)).toList();
                return new SeedReport(target.describe(), fingerprint, true, note, tables, List.of(),
                        tables.stream().mapToLong(SeedReport.TableReport::rows).sum(), seconds(t0), 0,
                        marker.contentChecksum());
            }
            List<SeedReport.StepReport> steps = new ArrayList<>();
            String note;
            if (marker != null) {
                note = "LOADING".equals(marker.state()) || marker.state() == null
                        ? "found an unfinished load (marker " + marker.state() + "): dropped and reloaded"
                        : "found a different dataset (" + abbreviate(marker.fingerprint()) + "): dropped and reloaded";
                log.info(note);
                step(steps, "drop tables", () -> Schema.drop(c));
            } else {
                note = "loaded into an empty database";
            }
            step(steps, "create tables", () -> {
                Schema.createTables(c);
                insertMarker(c, spec);
            });
            DatasetLayout layout = DatasetLayout.of(spec);
            List<TableData> data = step(steps, "layout", () -> Tables.all(layout));
            BulkLoad.Result loaded = BulkLoad.run(c, target::connect, data,
                    Schema.statements(Schema.sql(Schema.INDEXES_RESOURCE)), progress);
            List<SeedReport.TableReport> tables = loaded.tables();
            steps.addAll(loaded.steps());
            step(steps, "identities", () -> restartIdentities(c));
            if (importStats != null) {
                step(steps, "import stats", () -> StatsImporter.importFile(c, importStats));
            }
            String checksum = contentChecksum(tables);
            markComplete(c, checksum);

            long rows = tables.stream().mapToLong(SeedReport.TableReport::rows).sum();
            double total = seconds(t0);
            SeedReport report = new SeedReport(target.describe(), fingerprint, false, note, List.copyOf(tables),
                    List.copyOf(steps), rows, total, Math.round(rows / total), checksum);
            log.info("seeded {} rows in {} s ({} rows/s), fingerprint {}", rows, String.format("%.3f", total),
                    report.rowsPerSecond(), abbreviate(fingerprint));

            if (planCheckAfterSeed) {
                PlanCheckResult result = PlanChecker.check(c, layout);
                if (result.skipped()) {
                    log.info("plan check skipped: {}", result.skipReason());
                } else if (!result.passed()) {
                    throw new PlanMismatchException(result);
                } else {
                    log.info("plan check passed ({} queries)", result.entries().size());
                }
            }
            return report;
        } catch (SQLException e) {
            throw new SeederException("seeding " + target.describe() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts and fingerprint of a seeded database against the spec. */
    public VerifyReport verify(DatasetSpec spec) {
        try (Connection c = target.connect()) {
            TargetGuard.checkHosts(target.jdbcUrl(), target.allowedHosts());
            List<String> problems = new ArrayList<>();
            Marker marker = readMarker(c);
            String expected = spec.fingerprint();
            if (marker == null) {
                problems.add("no " + Schema.MARKER_TABLE + " marker: the database was not seeded");
                return new VerifyReport(false, expected, null, null, Map.of(), Map.of(), problems, List.of());
            }
            if (!"COMPLETE".equals(marker.state())) {
                problems.add("marker state is " + marker.state() + ", expected COMPLETE");
            }
            if (!expected.equals(marker.fingerprint())) {
                problems.add("fingerprint " + marker.fingerprint() + " does not match the spec's " + expected);
            }
            DatasetLayout layout = DatasetLayout.of(spec);
            Map<String, Long> expectedCounts = expectedCounts(layout);
            Map<String, Long> actual = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                for (String t : DATA_TABLES) {
                    // Only the loaded ids count: orders and payments placed by load tests come after them.
                    long loadedIds = expectedCounts.get(t);
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE id <= " + loadedIds
                            + "), count(*) FILTER (WHERE id > " + loadedIds + ") FROM " + t)) {
                        rs.next();
                        actual.put(t, rs.getLong(1));
                        if (rs.getLong(2) > 0) {
                            notes.add(t + ": " + rs.getLong(2) + " rows added after loading (not part of the dataset)");
                        }
                    }
                }
            }
            expectedCounts.forEach((t, n) -> {
                if (!n.equals(actual.get(t))) {
                    problems.add(t + ": " + actual.get(t) + " rows, expected " + n);
                }
            });
            return new VerifyReport(problems.isEmpty(), expected, marker.fingerprint(), marker.state(),
                    expectedCounts, actual, problems, notes);
        } catch (SQLException e) {
            throw new SeederException("verifying " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** Result of {@link #verify(DatasetSpec)}. */
    public record VerifyReport(boolean ok, String expectedFingerprint, String actualFingerprint, String state,
                               Map<String, Long> expectedRows, Map<String, Long> actualRows, List<String> problems,
                               List<String> notes) {
    }

    /** Exact row counts a spec produces, per table. */
    public static Map<String, Long> expectedCounts(DatasetLayout layout) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (TableData d : Tables.all(layout)) {
            m.put(d.table(), d.rows());
        }
        return m;
    }

    /** Runs the key queries under EXPLAIN and compares them with the expected plans. */
    public PlanCheckResult planCheck(DatasetSpec spec) {
        try (Connection c = target.connect()) {
            TargetGuard.checkHosts(target.jdbcUrl(), target.allowedHosts());
            return PlanChecker.check(c, DatasetLayout.of(spec));
        } catch (SQLException e) {
            throw new SeederException("plan check on " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** Plan check of the dataset the database holds (its spec is read from the marker). */
    public PlanCheckResult planCheck() {
        return planCheck(seededSpec());
    }

    /** The spec recorded in the marker of the target database. */
    public DatasetSpec seededSpec() {
        try (Connection c = target.connect()) {
            TargetGuard.checkHosts(target.jdbcUrl(), target.allowedHosts());
            Marker marker = readMarker(c);
            if (marker == null || !"COMPLETE".equals(marker.state())) {
                throw new SeederException(target.describe() + " holds no complete salerush dataset (marker "
                        + (marker == null ? "missing" : marker.state()) + "); run seed first", null);
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT spec::text FROM " + Schema.MARKER_TABLE + " WHERE id = 1")) {
                rs.next();
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new ObjectMapper().readValue(rs.getString(1), Map.class);
                return DatasetSpec.fromDescription(m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (SQLException e) {
            throw new SeederException("reading the marker of " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** The marker row, or null when the table or row is missing. */
    public static Marker readMarker(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('public." + Schema.MARKER_TABLE + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT fingerprint, state, content_checksum FROM " + Schema.MARKER_TABLE + " WHERE id = 1")) {
            if (!rs.next()) {
                return new Marker(null, null, null); // tables created, marker never written: an unfinished load
            }
            return new Marker(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    private static void insertMarker(Connection c, DatasetSpec spec) throws SQLException {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(spec.describe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Schema.MARKER_TABLE
                + " (id, fingerprint, spec, state, started_at) VALUES (1, ?, ?::jsonb, 'LOADING', now())")) {
            ps.setString(1, spec.fingerprint());
            ps.setString(2, json);
            ps.executeUpdate();
        }
    }

    private static void markComplete(Connection c, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Schema.MARKER_TABLE
                + " SET state = 'COMPLETE', finished_at = now(), content_checksum = ? WHERE id = 1")) {
            ps.setString(1, checksum);
            ps.executeUpdate();
        }
    }

    /** Orders and payments placed during a run continue after the historical ids. */
    static void restartIdentities(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String t : List.of("orders", "payment")) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), "
                        + "(SELECT coalesce(max(id), 0) + 1 FROM " + t + "), false)");
            }
        }
    }

    /** SHA-256 over each table's name, rows, bytes and CRC-32C of its COPY stream. */
    public static String contentChecksum(List<SeedReport.TableReport> tables) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (SeedReport.TableReport t : tables) {
                md.update((t.table() + ":" + t.rows() + ":" + t.bytes() + ":" + t.checksum() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException, IOException;
    }

    private interface SqlSupplier<T> {
        T get() throws SQLException, IOException;
    }

    private void step(List<SeedReport.StepReport> steps, String name, SqlAction action)
            throws SQLException, IOException {
        step(steps, name, () -> {
            action.run();
            return null;
        });
    }

    private <T> T step(List<SeedReport.StepReport> steps, String name, SqlSupplier<T> action)
            throws SQLException, IOException {
        long t0 = System.nanoTime();
        progress.stepStarted(name);
        T result = action.get();
        double s = seconds(t0);
        steps.add(new SeedReport.StepReport(name, s));
        progress.stepFinished(name, s);
        log.debug("{}: {} s", name, s);
        return result;
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
    }

    private static String abbreviate(String fp) {
        return fp == null ? "none" : fp.length() > 12 ? fp.substring(0, 12) : fp;
    }
}
