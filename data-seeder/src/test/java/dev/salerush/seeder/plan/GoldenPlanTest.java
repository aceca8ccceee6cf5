package dev.salerush.seeder.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.cli.CliRun;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.profile.TeamDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan-record on database A ("production"), plan-check --golden on copies of it (same data and statistics):
 * passes unchanged, fails naming the node after an index is dropped.
 */
class GoldenPlanTest {

    static final String QUERIES = """
            -- Key queries of the team (literal parameters).
            -- name: items_of_tail_seller
            SELECT id, price FROM item WHERE seller_id = 1999 ORDER BY id LIMIT 10;

            -- name: seller_by_id
            SELECT * FROM seller WHERE id = 42;

            -- name: tags_of_tail_seller
            -- joins through the tag table
            SELECT i.id, t.id FROM item i JOIN item_tag it ON it.item_id = i.id JOIN tag t ON t.id = it.tag_id
            WHERE i.seller_id = 1999;
            """;

    static EmbeddedDatabase db;
    static DbTarget production;
    static int copies;

    @TempDir
    static Path dir;
    static Path queries;
    static Path golden;
    static Path stats;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void recordOnProduction() throws Exception {
        db = EmbeddedDatabase.start();
        production = TeamDatabase.create(db, "prod");
        queries = Files.writeString(dir.resolve("q.sql"), QUERIES);
        golden = dir.resolve("plans.golden.json");
        stats = dir.resolve("stats.json");
        String before = TeamDatabase.contentHash(production);
        CliRun r = cli("plan-record", "--db-url", production.jdbcUrl(), "--user", production.user(),
                "--queries", queries.toString(), "--out", golden.toString(), "--stats-out", stats.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("nothing will be written", "recorded 3 plan(s) on PostgreSQL");
        assertThat(TeamDatabase.contentHash(production)).isEqualTo(before);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A second copy of production: same data, same statistics. */
    static DbTarget copy() throws SQLException {
        return TeamDatabase.copy(db, "prod", "copy" + (++copies));
    }

    static CliRun check(DbTarget t, String... extra) {
        String[] base = {"plan-check", "--golden", golden.toString(), "--db-url", t.jdbcUrl(), "--user", t.user()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli(args);
    }

    @Test
    void goldenFileHoldsReducedTreesServerVersionAndTableSizes() throws Exception {
        GoldenPlans plans = GoldenPlans.read(golden);
        assertThat(plans.server()).startsWith("PostgreSQL ");
        assertThat(plans.queries()).containsOnlyKeys("items_of_tail_seller", "seller_by_id", "tags_of_tail_seller");
        assertThat(plans.tables()).containsOnlyKeys("item", "item_tag", "seller", "tag");
        assertThat(plans.tables().get("item")).isEqualTo(
                (double) TeamDatabase.scalar(production, "SELECT count(*) FROM item"));
        String text = Files.readString(golden);
        assertThat(text).contains("\"index\" : \"seller_pkey\"").doesNotContain("Cost", "Plan Rows");
    }

    @Test
    void aCopyWithTheSameDataPasses() throws Exception {
        CliRun r = check(copy());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("plan check passed: 3/3");
    }

    @Test
    void droppingAnIndexFailsNamingTheNodePathAndTheIndex() throws Exception {
        DbTarget b = copy();
        try (Connection c = b.connect(); Statement st = c.createStatement()) {
            st.execute("DROP INDEX item_seller_idx");
        }
        CliRun r = check(b);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("plan check FAILED: 1/3", "DIFF  items_of_tail_seller",
                "DIFF  tags_of_tail_seller", "item 100,000 rows in golden, 100,000 here");
        String line = r.out().lines().filter(l -> l.startsWith("  * items_of_tail_seller: ")).findFirst()
                .orElseThrow();
        // e.g. "items_of_tail_seller: Limit > Sort: found Index Scan using item_pkey on item instead of Sort >
        // Bitmap Heap Scan on item > Bitmap Index Scan using item_seller_idx" (the plan without the index may vary)
        assertThat(line).startsWith("  * items_of_tail_seller: Limit > ").contains(": found ", " instead of ")
                .endsWith("using item_seller_idx");
    }

    @Test
    void queriesOnOnlyOneSideAndQueriesThatCannotBeExplainedFailWithAMessage() throws Exception {
        Path current = Files.writeString(dir.resolve("current.sql"), """
                -- name: seller_by_id
                SELECT * FROM seller WHERE id = 42;
                -- name: new_query
                SELECT count(*) FROM tag;
                """);
        DbTarget b = copy();
        CliRun r = check(b, "--queries", current.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("items_of_tail_seller: in the golden file but not in the queries file",
                "new_query: no golden plan recorded for this query (run plan-record again)");
        try (Connection c = b.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE item_tag");
        }
        CliRun missing = check(b);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("tags_of_tail_seller: could not be explained on this database",
                "relation \"item_tag\" does not exist");
    }

    @Test
    void aQueryThatCannotBeExplainedOnProductionFailsTheRecordingAndWritesNoFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.sql"), "-- name: ok\nSELECT 1;\n-- name: typo\nSELECT * FROM itme;\n");
        Path out = dir.resolve("bad.golden.json");
        CliRun r = cli("plan-record", "--db-url", production.jdbcUrl(), "--user", production.user(),
                "--queries", bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("plan-record failed: query 'typo': ERROR: relation \"itme\" does not exist");
        assertThat(out).doesNotExist();
    }

    @Test
    void importsProductionStatisticsBeforeTheCheck() throws Exception {
        DbTarget b = copy();
        try (Connection c = b.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM item_tag WHERE item_id > 100"); // a smaller copy: its own stats would differ
            st.execute("ANALYZE item_tag");
        }
        CliRun r = check(b, "--import-stats", stats.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("imported planner statistics from " + stats + ": 4 relation(s)");
        assertThat(TeamDatabase.scalar(b, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'item_tag'"))
                .isEqualTo(60_000);
    }
}
