package dev.salerush.seeder.specseed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.SeederException;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.load.BinaryCopyWriter;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.load.TableData;
import dev.salerush.seeder.load.TableLoader;
import com.typesafe.config.ConfigRenderOptions;
import dev.salerush.seeder.cli.SeederCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.sql.ResultSet;
import dev.salerush.seeder.safety.SafetyException;
import dev.salerush.seeder.schema.Schema;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped marketplace spec at full size (>= 2 M rows) on a real embedded PostgreSQL: exact counts, valid and
 * rebuilt keys, determinism across two databases, no-op reseed, refusal of an unmarked non-empty schema.
 */
class SpecSeedTest {

    private static final Logger log = LoggerFactory.getLogger(SpecSeedTest.class);
    static EmbeddedDatabase db;
    static DbTarget first;
    static SeedReport firstReport;
    static SpecPlan plan;

    @BeforeAll
    static void seedOnce() throws Exception {
        db = EmbeddedDatabase.start();
        first = Marketplace.freshSchema(db);
        firstReport = new SpecSeeder(first).seed(Marketplace.spec());
        plan = new SpecSeeder(first).plan(Marketplace.spec());
        log.info("marketplace spec: {} rows in {} s = {} rows/s", firstReport.totalRows(), firstReport.totalSeconds(),
                firstReport.rowsPerSecond());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void loadsAtLeastTwoMillionRowsWithExactCounts() throws Exception {
        assertThat(firstReport.totalRows()).isGreaterThanOrEqualTo(2_000_000);
        for (SpecPlan.TablePlan t : plan.tables()) {
            assertThat(Marketplace.scalar(first, "SELECT count(*) FROM " + t.table())).as(t.table()).isEqualTo(t.rows());
        }
        assertThat(plan.tables().stream().filter(t -> List.of("category", "seller", "customer", "item", "tag",
                "purchase").contains(t.table()))).allMatch(t -> t.rows() > 0);
    }

    @Test
    void rebuildsEveryKeyAndIndexValidated() throws Exception {
        long declared = Schema.sql(Marketplace.SCHEMA).split("REFERENCES", -1).length - 1;
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"))
                .isEqualTo(declared);
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"))
                .isZero();
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname IN"
                + " ('item_seller_idx', 'item_category_price_idx', 'item_tag_tag_idx', 'purchase_customer_idx',"
                + " 'purchase_item_idx', 'item_tag_pkey', 'review_purchase_id_key', 'customer_email_key')")).isEqualTo(8);
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL"
                + " AND last_analyze IS NOT NULL AND relname <> 'salerush_dataset'")).isEqualTo(8);
    }

    @Test
    void treeIsAcyclicAndKeysAreSkewed() throws Exception {
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM category WHERE parent_id >= id")).isZero();
        // seller 1 is the Zipf head: far above the average of items per seller
        long top = Marketplace.scalar(first, "SELECT count(*) FROM item WHERE seller_id = 1");
        long average = Marketplace.scalar(first, "SELECT count(*) / count(DISTINCT seller_id) FROM item");
        assertThat(top).isGreaterThan(20 * average);
        // numeric(12,2) written in binary: inside the spec's range, two decimals
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM item WHERE price < 900 OR price > 990000"
                + " OR scale(price) <> 2")).isZero();
        // the hour shape: the 21 h peak is busier than 4 h at night (weights 11 vs 1)
        assertThat(Marketplace.scalar(first, "SELECT count(*) FROM purchase WHERE extract(hour FROM ordered_at "
                + "AT TIME ZONE 'Asia/Seoul') = 21")).isGreaterThan(5 * Marketplace.scalar(first, "SELECT count(*) "
                + "FROM purchase WHERE extract(hour FROM ordered_at AT TIME ZONE 'Asia/Seoul') = 4"));
        assertThat(Marketplace.scalar(first, "SELECT max(n) FROM (SELECT count(*) n FROM review GROUP BY purchase_id) x"))
                .isEqualTo(1);
        // identity continues after the loaded ids
        assertThat(Marketplace.scalar(first, "SELECT nextval(pg_get_serial_sequence('purchase', 'id'))"))
                .isEqualTo(Marketplace.scalar(first, "SELECT max(id) FROM purchase") + 1);
    }

    @Test
    void sameSpecTwiceGivesTheSameFingerprintAndContentAndReseedIsANoOp() throws Exception {
        DbTarget second = Marketplace.freshSchema(db);
        SeedReport again = new SpecSeeder(second).seed(Marketplace.spec());
        assertThat(again.fingerprint()).isEqualTo(firstReport.fingerprint());
        assertThat(again.contentChecksum()).isEqualTo(firstReport.contentChecksum());
        SeedReport noOp = new SpecSeeder(second).seed(Marketplace.spec());
        assertThat(noOp.noOp()).isTrue();
        assertThat(noOp.contentChecksum()).isEqualTo(firstReport.contentChecksum());
    }

    @Test
    void aCrashedLoadIsRepairedByTheNextRun() throws Exception {
        DbTarget team = Marketplace.freshSchema(db);
        Config small = small();
        // the CHECK (price > 0) of item rejects the COPY mid-load, after the keys and indexes were dropped
        Config failing = small.withValue("spec.tables.item.columns.price.min", ConfigValueFactory.fromAnyRef(-100))
                .withValue("spec.tables.item.columns.price.max", ConfigValueFactory.fromAnyRef(-1));
        assertThatThrownBy(() -> new SpecSeeder(team).seed(failing)).isInstanceOf(SeederException.class)
                .hasMessageContaining("item_price_check");
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM salerush_dataset WHERE state = 'LOADING'")).isOne();
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM pg_indexes WHERE indexname = 'item_seller_idx'"))
                .isZero();

        SeedReport repaired = new SpecSeeder(team).seed(small);
        assertThat(repaired.note()).contains("repaired");
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM salerush_dataset WHERE state = 'COMPLETE'")).isOne();
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM pg_constraint WHERE contype IN ('p', 'u', 'f')"
                + " AND conrelid::regclass::text <> 'salerush_dataset'"))
                .isEqualTo(Marketplace.scalar(first, "SELECT count(*) FROM pg_constraint WHERE contype IN ('p', 'u', 'f')"
                        + " AND conrelid::regclass::text <> 'salerush_dataset'"));
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"))
                .isEqualTo(Marketplace.scalar(first, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"));
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM item")).isEqualTo(200);
    }

    @Test
    void numericValuesRoundTripThroughBinaryCopy() throws Exception {
        List<String> values = List.of("0.00", "0.01", "-12345.67", "10000.00", "99999999.99", "1.50", "-0.10",
                "100020003.00");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE numeric_probe (n bigint, v numeric(12,2))");
            TableLoader.load(c, new TableData() {
                public String table() {
                    return "numeric_probe";
                }

                public List<String> columns() {
                    return List.of("n", "v");
                }

                public long units() {
                    return values.size();
                }

                public long write(long from, long to, BinaryCopyWriter w) throws java.io.IOException {
                    for (long i = from; i < to; i++) {
                        w.row(2).int8(i).numeric(new BigDecimal(values.get((int) i - 1)));
                    }
                    return to - from;
                }
            }, ProgressListener.NONE);
            try (ResultSet rs = st.executeQuery("SELECT v::text FROM numeric_probe ORDER BY n")) {
                List<String> back = new java.util.ArrayList<>();
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
                assertThat(back).isEqualTo(values);
            }
        }
    }

    @Test
    void cliSeedsWithExitCodesZeroForANoOpAndThreeForARefusal(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("marketplace.conf");
        Files.writeString(spec, Marketplace.spec().root().render(ConfigRenderOptions.concise()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SeederCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "seed", "--spec",
                spec.toString(), "--db-url", first.jdbcUrl(), "--user", first.user());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("no-op", firstReport.fingerprint());

        DbTarget team = Marketplace.freshSchema(db);
        try (Connection c = team.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO category VALUES (1, NULL, 'production')");
        }
        StringWriter refused = new StringWriter();
        assertThat(SeederCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(refused, true), "seed",
                "--spec", spec.toString(), "--db-url", team.jdbcUrl(), "--user", team.user()))
                .isEqualTo(SeederCli.EXIT_REFUSED);
        assertThat(refused.toString()).contains("refused", "[category]");
        assertThat(SeederCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "seed", "--spec", spec.toString(), "--import-stats", spec.toString(), "--db-url", team.jdbcUrl()))
                .isEqualTo(SeederCli.EXIT_USAGE);
    }

    /** The marketplace spec with a few hundred rows per table. */
    static Config small() {
        Config c = Marketplace.spec();
        for (String[] t : new String[][] {{"category", "50"}, {"seller", "20"}, {"customer", "100"}, {"item", "200"},
                {"tag", "30"}, {"purchase", "300"}}) {
            c = c.withValue("spec.tables." + t[0] + ".rows", ConfigValueFactory.fromAnyRef(Integer.parseInt(t[1])));
        }
        return c;
    }

    @Test
    void refusesANonEmptySchemaWithoutTheMarker() throws Exception {
        DbTarget team = Marketplace.freshSchema(db);
        try (Connection c = team.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO tag VALUES (1, 'production-data')");
        }
        assertThatThrownBy(() -> new SpecSeeder(team).seed(Marketplace.spec()))
                .isInstanceOf(SafetyException.class).hasMessageContaining("[tag]");
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM tag")).isEqualTo(1);
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM item")).isZero();
        assertThat(Marketplace.scalar(team, "SELECT count(*) FROM pg_tables WHERE tablename = 'salerush_dataset'")).isZero();
    }
}
