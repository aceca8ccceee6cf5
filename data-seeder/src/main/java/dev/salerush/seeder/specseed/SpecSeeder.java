package dev.salerush.seeder.specseed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.SeederException;
import dev.salerush.seeder.load.BulkLoad;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.load.TableData;
import dev.salerush.seeder.safety.JdbcUrls;
import dev.salerush.seeder.safety.TargetGuard;
import dev.salerush.seeder.schema.Catalog;
import dev.salerush.seeder.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a team's existing schema from a spec: guard, plan (every spec problem before any write), marker LOADING
 * with the definitions about to be dropped, drop the loaded tables' keys, foreign keys and secondary indexes, then
 * the seeder's one loading pipeline {@link BulkLoad} (binary COPY per table in foreign-key order while the dropped
 * definitions are rebuilt and VACUUM (ANALYZE) runs), marker COMPLETE with the content checksum.
 *
 * <p>A database holding the same fingerprint COMPLETE is left alone; a LOADING marker (a crashed run) is repaired:
 * the recorded definitions are rebuilt after the reload, so nothing stays half-seeded and unmarked.
 */
public final class SpecSeeder {

    private static final Logger log = LoggerFactory.getLogger(SpecSeeder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DbTarget target;
    private ProgressListener progress = ProgressListener.NONE;

    public SpecSeeder(DbTarget target) {
        this.target = target;
    }

    public SpecSeeder progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /** Validates the spec against the target's schema; writes nothing. */
    public SpecPlan plan(Config spec) {
        try (Connection c = target.connect()) {
            TargetGuard.checkHosts(target.jdbcUrl(), target.allowedHosts());
            return SpecPlanner.plan(spec, Catalog.read(c));
        } catch (SQLException e) {
            throw new SeederException("reading the schema of " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    public SeedReport seed(Config spec) {
        long t0 = System.nanoTime();
        try (Connection c = target.connect()) {
            TargetGuard.checkHosts(target.jdbcUrl(), target.allowedHosts());
            TargetGuard.DbFacts facts = TargetGuard.readFacts(c);
            String masked = JdbcUrls.mask(target.jdbcUrl());
            TargetGuard.decideForSchema(facts, masked, List.of());
            Seeder.Marker marker = Seeder.readMarker(c);
            boolean repaired = repairUnfinished(c, marker);
            Catalog catalog = Catalog.read(c);
            SpecPlan plan = SpecPlanner.plan(spec, catalog);
            TargetGuard.decideForSchema(facts, masked, nonEmpty(c, catalog, plan));
            if (marker != null && "COMPLETE".equals(marker.state()) && plan.fingerprint().equals(marker.fingerprint())) {
                String note = "database already holds spec " + plan.fingerprint().substring(0, 12) + " (COMPLETE): no-op";
                log.info(note);
                List<SeedReport.TableReport> tables = plan.tables().stream()
                        .map(t -> new SeedReport.TableReport(t.table(), t.rows(), 0, 0, 0, null)).toList();
                return new SeedReport(target.describe(), plan.fingerprint(), true, note, tables, List.of(),
                        plan.totalRows(), seconds(t0), 0, marker.contentChecksum());
            }
            String note = marker == null ? "loaded into an empty schema"
                    : "COMPLETE".equals(marker.state()) ? "replaced a different dataset (" + marker.fingerprint() + ")"
                    : "repaired an unfinished load (marker " + marker.state() + ") and reloaded";
            if (repaired) {
                log.info("an earlier load did not finish: its tables were emptied and their keys and indexes rebuilt");
            }
            List<String> restore = definitions(catalog, plan, List.of());
            writeMarker(c, plan, restore);
            dropDefinitions(c, catalog, plan);
            List<TableData> data = plan.tables().stream()
                    .map(t -> (TableData) new SpecTableData(t, plan.seed())).toList();
            BulkLoad.Result loaded = BulkLoad.run(c, target::connect, data, restore, progress);
            List<SeedReport.TableReport> tables = loaded.tables();
            List<SeedReport.StepReport> steps = loaded.steps();
            restartSequences(c, catalog, plan);
            String checksum = Seeder.contentChecksum(tables);
            markComplete(c, plan, checksum);
            double total = seconds(t0);
            long rows = plan.totalRows();
            SeedReport report = new SeedReport(target.describe(), plan.fingerprint(), false, note, List.copyOf(tables),
                    List.copyOf(steps), rows, total, Math.round(rows / total), checksum);
            log.info("seeded {} rows from the spec in {} s ({} rows/s), fingerprint {}", rows,
                    String.format("%.3f", total), report.rowsPerSecond(), plan.fingerprint().substring(0, 12));
            return report;
        } catch (SQLException e) {
            throw new SeederException("seeding " + target.describe() + " from the spec failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded tables with rows, and other tables with rows that reference a loaded table. */
    private static List<String> nonEmpty(Connection c, Catalog catalog, SpecPlan plan) throws SQLException {
        Set<String> check = new LinkedHashSet<>(plan.tableNames());
        catalog.tables().values().forEach(t -> t.foreignKeys().stream()
                .filter(f -> plan.tableNames().contains(f.refTable())).forEach(f -> check.add(t.name())));
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String t : check) {
                try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM public." + t + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Statements rebuilding what the load drops: primary and unique keys and secondary indexes of the loaded
     * tables, and every foreign key from or to them; recorded ones of a crashed run first.
     */
    static List<String> definitions(Catalog catalog, SpecPlan plan, List<String> recorded) {
        return definitions(catalog, plan.tableNames(), recorded);
    }

    private static List<String> definitions(Catalog catalog, java.util.Collection<String> loaded, List<String> recorded) {
        Set<String> out = new LinkedHashSet<>(recorded);
        for (String t : loaded) {
            Catalog.Table table = catalog.table(t);
            table.constraints().stream().filter(k -> !k.foreignKey()).forEach(k -> out.add(k.addSql(t)));
            table.indexes().forEach(i -> out.add(i.definition()));
        }
        for (Catalog.Table table : catalog.tables().values()) {
            for (Catalog.Constraint fk : table.foreignKeys()) {
                if (loaded.contains(table.name()) || loaded.contains(fk.refTable())) {
                    out.add(fk.addSql(table.name()));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A marker left LOADING by a crashed spec load: empties that load's tables and rebuilds the keys, foreign keys
     * and indexes it had dropped (recorded in the marker), so the schema is whole again before it is planned.
     * Returns whether anything was repaired.
     */
    private static boolean repairUnfinished(Connection c, Seeder.Marker marker) throws SQLException, IOException {
        if (marker == null || "COMPLETE".equals(marker.state())) {
            return false;
        }
        JsonNode recorded;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT spec::text FROM " + Schema.MARKER_TABLE + " WHERE id = 1")) {
            if (!rs.next()) {
                return false;
            }
            recorded = JSON.readTree(rs.getString(1));
        }
        if (!"spec".equals(recorded.path("kind").asText())) {
            return false; // the built-in dataset's marker: nothing of a team schema to repair
        }
        Catalog catalog = Catalog.read(c);
        List<String> tables = new ArrayList<>();
        recorded.path("spec").path("tables").fieldNames().forEachRemaining(t -> {
            if (catalog.table(t) != null) {
                tables.add("public." + t);
            }
        });
        Set<String> present = new LinkedHashSet<>(definitions(catalog, catalog.tables().keySet(), List.of()));
        Schema.inTransaction(c, st -> {
            if (!tables.isEmpty()) {
                st.execute("TRUNCATE " + String.join(", ", tables));
            }
            for (JsonNode n : recorded.path("restore")) {
                if (!present.contains(n.asText())) {
                    st.execute(n.asText());
                }
            }
        });
        return true;
    }

    /** Marker LOADING with the definitions to rebuild, committed before anything is dropped. */
    private static void writeMarker(Connection c, SpecPlan plan, List<String> restore) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute(markerTableDdl().replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Schema.MARKER_TABLE
                + " (id, fingerprint, spec, state, started_at) VALUES (1, ?, ?::jsonb, 'LOADING', now()) "
                + "ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, spec = EXCLUDED.spec, "
                + "state = 'LOADING', started_at = now(), finished_at = NULL, content_checksum = NULL")) {
            ps.setString(1, plan.fingerprint());
            ps.setString(2, markerJson(plan, restore));
            ps.executeUpdate();
        }
    }

    private static String markerJson(SpecPlan plan, List<String> restore) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("kind", "spec");
        m.put("generatorVersion", SpecPlanner.GENERATOR_VERSION);
        m.set("spec", JSON.readTree(plan.canonicalJson()));
        ArrayNode r = m.putArray("restore");
        restore.forEach(r::add);
        return JSON.writeValueAsString(m);
    }

    /** The marker table's DDL, taken from the built-in schema so both loaders share one marker. */
    static String markerTableDdl() {
        return Schema.statements(Schema.sql(Schema.TABLES_RESOURCE)).stream()
                .filter(s -> s.startsWith("CREATE TABLE " + Schema.MARKER_TABLE + " "))
                .findFirst().orElseThrow(() -> new IllegalStateException("no marker table in " + Schema.TABLES_RESOURCE));
    }

    /** Drops foreign keys, then keys, then indexes, in one transaction. */
    private static void dropDefinitions(Connection c, Catalog catalog, SpecPlan plan) throws SQLException {
        List<String> drops = new ArrayList<>();
        for (Catalog.Table table : catalog.tables().values()) {
            for (Catalog.Constraint fk : table.foreignKeys()) {
                if (plan.tableNames().contains(table.name()) || plan.tableNames().contains(fk.refTable())) {
                    drops.add("ALTER TABLE public." + table.name() + " DROP CONSTRAINT IF EXISTS " + fk.name());
                }
            }
        }
        for (String t : plan.tableNames()) {
            catalog.table(t).constraints().stream().filter(k -> !k.foreignKey()).forEach(k ->
                    drops.add("ALTER TABLE public." + t + " DROP CONSTRAINT IF EXISTS " + k.name()));
            catalog.table(t).indexes().forEach(i -> drops.add("DROP INDEX IF EXISTS public." + i.name()));
        }
        Schema.inTransaction(c, st -> {
            for (String d : drops) {
                st.execute(d);
            }
        });
    }

    /** serial and identity columns of the loaded tables continue after the loaded values. */
    private static void restartSequences(Connection c, Catalog catalog, SpecPlan plan) throws SQLException {
        for (SpecPlan.TablePlan t : plan.tables()) {
            for (Catalog.Column col : catalog.table(t.table()).columns()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                    ps.setString(1, "public." + t.table());
                    ps.setString(2, col.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String seq = rs.getString(1);
                        if (seq != null) {
                            try (Statement st = c.createStatement()) {
                                st.execute("SELECT setval('" + seq + "', (SELECT coalesce(max(" + col.name()
                                        + "), 0) + 1 FROM public." + t.table() + "), false)");
                            }
                        }
                    }
                }
            }
        }
    }

    private static void markComplete(Connection c, SpecPlan plan, String checksum) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Schema.MARKER_TABLE
                + " SET state = 'COMPLETE', finished_at = now(), content_checksum = ?, spec = ?::jsonb WHERE id = 1")) {
            ps.setString(1, checksum);
            ps.setString(2, markerJson(plan, List.of()));
            ps.executeUpdate();
        }
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
    }
}
