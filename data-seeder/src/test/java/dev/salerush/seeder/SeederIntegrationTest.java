package dev.salerush.seeder;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.load.SeedReport;

import java.sql.SQLException;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.seeder.plan.StatsImporter;
import dev.salerush.seeder.safety.SafetyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small-scale behaviour on one embedded cluster; each test uses its own fresh database. */
class SeederIntegrationTest {

    static EmbeddedDatabase db;
    static int databases;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A fresh, empty database in the cluster. */
    static DbTarget freshDatabase() throws Exception {
        String name = "t" + (++databases);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new DbTarget(db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name), db.user(),
                db.password(), DbTarget.LOOPBACK);
    }

    static long scalar(DbTarget t, String sql) throws Exception {
        try (Connection c = t.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** SHA-256 over every column of a sample of rows of each table, in id order. */
    static String sampleHash(DbTarget t) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            for (String table : Seeder.DATA_TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE id % 97 = 1 ORDER BY id")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            md.update(String.valueOf(rs.getString(i)).getBytes());
                            md.update((byte) 0);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void seedsExactScaledCountsConsistentWithTheLayoutAndContinuesIdentities() throws Exception {
        DbTarget t = freshDatabase();
        DatasetSpec spec = TestSpecs.small();
        SeedReport report = new Seeder(t).seed(spec);
        DatasetLayout layout = DatasetLayout.of(spec);
        assertThat(report.noOp()).isFalse();
        assertThat(report.table("brand").rows()).isEqualTo(21);
        assertThat(report.table("product").rows()).isEqualTo(2240);
        assertThat(report.table("app_user").rows()).isEqualTo(16_500);
        assertThat(report.table("orders").rows()).isEqualTo(10_000);
        assertThat(scalar(t, "SELECT count(*) FROM payment")).isEqualTo(report.table("payment").rows())
                .isEqualTo(scalar(t, "SELECT count(*) FROM orders WHERE status = 'PAID'"));
        assertThat(scalar(t, "SELECT sum(product_count) FROM brand")).isEqualTo(2240);
        long top = layout.topBrandId();
        assertThat(scalar(t, "SELECT count(*) FROM product WHERE brand_id = " + top)).isEqualTo(layout.brandSize(top));
        long hot = layout.hotProductIds(1)[0];
        assertThat(scalar(t, "SELECT stock FROM product WHERE id = " + hot)).isEqualTo(layout.initialStock(hot));
        assertThat(scalar(t, "SELECT count(*) FROM orders WHERE amount <> quantity * "
                + "(SELECT sale_price FROM product p WHERE p.id = product_id)")).isZero();
        assertThat(scalar(t, "INSERT INTO orders (user_id, product_id, quantity, amount, status, created_at) "
                + "VALUES (1, 1, 1, 100, 'PAID', now()) RETURNING id")).isEqualTo(10_001);
        long payments = report.table("payment").rows();
        assertThat(scalar(t, "INSERT INTO payment (order_id, payment_ref, amount, status, created_at) "
                + "VALUES (10001, 'p', 100, 'APPROVED', now()) RETURNING id")).isEqualTo(payments + 1);
        // VACUUM (ANALYZE) ran: statistics exist and pages are all-visible (index-only scans possible)
        assertThat(scalar(t, "SELECT count(*) FROM pg_stats WHERE tablename = 'product'")).isPositive();
        assertThat(scalar(t, "SELECT relallvisible FROM pg_class WHERE relname = 'product'"))
                .isEqualTo(scalar(t, "SELECT relpages FROM pg_class WHERE relname = 'product'"));

        Seeder.VerifyReport verify = new Seeder(t).verify(spec);
        assertThat(verify.problems()).isEmpty();
        assertThat(verify.ok()).isTrue();
        assertThat(verify.notes()).containsExactly(
                "orders: 1 rows added after loading (not part of the dataset)",
                "payment: 1 rows added after loading (not part of the dataset)");
    }

    /** Foreign keys are added NOT VALID after the load; this proves the generated rows would have passed them. */
    @Test
    void generatedRowsSatisfyEveryForeignKeyAndNewRowsAreChecked() throws Exception {
        DbTarget t = freshDatabase();
        new Seeder(t).seed(TestSpecs.small());
        List<String[]> foreignKeys = new ArrayList<>();
        try (Connection c = t.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT conrelid::regclass::text, conname FROM pg_constraint "
                     + "WHERE contype = 'f' AND NOT convalidated ORDER BY conname")) {
            while (rs.next()) {
                foreignKeys.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        assertThat(foreignKeys).extracting(fk -> fk[1])
                .containsExactly("orders_product_fk", "orders_user_fk", "payment_order_fk", "product_brand_fk");
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            for (String[] fk : foreignKeys) {
                st.execute("ALTER TABLE " + fk[0] + " VALIDATE CONSTRAINT " + fk[1]);
            }
            assertThatThrownBy(() -> st.execute("INSERT INTO orders (user_id, product_id, quantity, amount, status, "
                    + "created_at) VALUES (999999999, 1, 1, 100, 'PAID', now())"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("orders_user_fk");
        }
        assertThat(scalar(t, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated")).isZero();
    }

    @Test
    void sameSpecInTwoFreshDatabasesGivesTheSameData() throws Exception {
        DatasetSpec spec = TestSpecs.small();
        DbTarget a = freshDatabase();
        DbTarget b = freshDatabase();
        SeedReport ra = new Seeder(a).seed(spec);
        SeedReport rb = new Seeder(b).seed(spec);
        assertThat(ra.fingerprint()).isEqualTo(rb.fingerprint());
        assertThat(ra.contentChecksum()).isEqualTo(rb.contentChecksum());
        assertThat(ra.tables()).extracting(SeedReport.TableReport::checksum)
                .isEqualTo(rb.tables().stream().map(SeedReport.TableReport::checksum).toList());
        assertThat(sampleHash(a)).isEqualTo(sampleHash(b));

        DbTarget c = freshDatabase();
        SeedReport rc = new Seeder(c).seed(spec.withSeed(spec.seed() + 1));
        assertThat(rc.contentChecksum()).isNotEqualTo(ra.contentChecksum());
        assertThat(sampleHash(c)).isNotEqualTo(sampleHash(a));
    }

    @Test
    void secondSeedIsANoOpAndADifferentSpecOrUnfinishedLoadReloads() throws Exception {
        DbTarget t = freshDatabase();
        DatasetSpec spec = TestSpecs.production().withScale(0.002);
        new Seeder(t).seed(spec);
        scalar(t, "UPDATE product SET stock = 0 WHERE id = 1 RETURNING 1"); // a change a no-op must keep

        SeedReport again = new Seeder(t).seed(spec);
        assertThat(again.noOp()).isTrue();
        // nothing written: the rows reported are the spec's, loaded in no time
        assertThat(again.tables()).extracting(SeedReport.TableReport::table, SeedReport.TableReport::rows)
                .containsExactlyElementsOf(Seeder.expectedCounts(DatasetLayout.of(spec))
                        .entrySet().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
                        .toList());
        assertThat(again.tables()).allSatisfy(table -> assertThat(table.seconds()).isZero());
        assertThat(scalar(t, "SELECT stock FROM product WHERE id = 1")).isZero();

        // a crashed run leaves the marker in LOADING: reload cleanly
        scalar(t, "UPDATE salerush_dataset SET state = 'LOADING' RETURNING 1");
        SeedReport reloaded = new Seeder(t).seed(spec);
        assertThat(reloaded.noOp()).isFalse();
        assertThat(reloaded.note()).contains("unfinished");
        assertThat(scalar(t, "SELECT stock FROM product WHERE id = 1"))
                .isEqualTo(DatasetLayout.of(spec).initialStock(1));

        // a different spec: drop and reload
        DatasetSpec other = spec.withScale(0.001);
        SeedReport changed = new Seeder(t).seed(other);
        assertThat(changed.noOp()).isFalse();
        assertThat(changed.note()).contains("different dataset");
        assertThat(scalar(t, "SELECT count(*) FROM product")).isEqualTo(other.productCount());
        assertThat(new Seeder(t).verify(other).ok()).isTrue();
        assertThat(new Seeder(t).verify(spec).problems()).anyMatch(p -> p.contains("fingerprint"));
    }

    @Test
    void nonEmptyDatabaseWithoutMarkerIsRefusedAndLeftUntouched() throws Exception {
        DbTarget t = freshDatabase();
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer_data (id int)");
        }
        assertThatThrownBy(() -> new Seeder(t).seed(TestSpecs.small()))
                .isInstanceOf(SafetyException.class).hasMessageContaining("no salerush_dataset marker");
        assertThat(scalar(t, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo(1);
    }

    @Test
    void hostNotAllowedIsRefusedBeforeConnecting() throws Exception {
        DbTarget t = freshDatabase();
        DbTarget restricted = new DbTarget(t.jdbcUrl(), db.user(), db.password(), List.of("staging.example.com"));
        assertThatThrownBy(() -> new Seeder(restricted).seed(TestSpecs.small()))
                .isInstanceOf(SafetyException.class).hasMessageContaining("127.0.0.1");
        assertThat(scalar(t, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
    }

    @Test
    void emptySchemaCanBeCreatedForOtherModulesTests() throws Exception {
        DbTarget t = freshDatabase();
        try (Connection c = t.connect()) {
            dev.salerush.seeder.schema.Schema.create(c);
        }
        assertThat(scalar(t, "SELECT count(*) FROM pg_indexes WHERE tablename = 'product'")).isEqualTo(7);
    }

    @Test
    void importsPlannerStatisticsOnPostgres18(@TempDir Path dir) throws Exception {
        DbTarget t = freshDatabase();
        new Seeder(t).planCheckAfterSeed(false).seed(TestSpecs.production().withScale(0.001));
        Path file = dir.resolve("stats.json");
        try (Connection c = t.connect()) {
            StatsImporter.export(c, List.of("product"), file);
        }
        assertThat(Files.readString(file)).contains("\"relname\" : \"product\"", "\"attname\" : \"brand_id\"");
        String changed = Files.readString(file).replaceFirst("\"reltuples\" : [0-9.E]+", "\"reltuples\" : 123456.0");
        Files.writeString(file, changed);
        try (Connection c = t.connect()) {
            StatsImporter.Result r = StatsImporter.importFile(c, file);
            assertThat(r.skipped()).isFalse();
            assertThat(r.relations()).isEqualTo(1);
            assertThat(r.attributes()).isPositive();
        }
        assertThat(scalar(t, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'product'")).isEqualTo(123456);
    }
}
