package dev.salerush.seeder.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.cli.CliRun;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.safety.ReadOnlySession;
import dev.salerush.seeder.safety.SafetyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data-seeder profile} on a team database built with plain SQL (one embedded cluster for the class). */
class ProfileTest {

    static EmbeddedDatabase db;
    static DbTarget team;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws SQLException {
        db = EmbeddedDatabase.start();
        team = TeamDatabase.create(db, "team");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private CliRun profile(Path spec, String... extra) {
        String[] base = {"profile", "--db-url", team.jdbcUrl(), "--user", team.user(), "--out", spec.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli(args);
    }

    @Test
    void specReproducesRowCountsAndTheTopForeignKeySkewsWithin5Percent() throws Exception {
        Path file = dir.resolve("team.conf");
        CliRun r = profile(file);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("nothing will be written", "pg_class.reltuples");

        Config spec = ConfigFactory.parseFile(file.toFile()).resolve().getConfig("spec");
        assertThat(spec.getLong("seed")).isEqualTo(SpecWriter.DEFAULT_SEED);
        assertThat(spec.getString("locale")).isEqualTo("ko");
        Config tables = spec.getConfig("tables");
        assertThat(tables.root().keySet()).containsExactlyInAnyOrderElementsOf(TeamDatabase.TABLES);
        for (String t : TeamDatabase.TABLES) {
            long real = TeamDatabase.scalar(team, "SELECT count(*) FROM " + t);
            assertThat(expectedRows(tables, t)).as(t).isCloseTo(real, within(real * 0.05));
        }

        Config sellerId = tables.getConfig("item.columns.seller_id");
        assertThat(sellerId.getString("generator")).isEqualTo("reference");
        ConfigObject mostCommon = sellerId.getObject("skew.mostCommon");
        Map<String, Double> realTop5 = topShares("item", "seller_id", 5);
        realTop5.forEach((key, share) -> {
            assertThat(mostCommon).as("mostCommon of item.seller_id").containsKey(key);
            double profiled = ((Number) mostCommon.get(key).unwrapped()).doubleValue();
            assertThat(profiled).as("share of seller " + key).isCloseTo(share, within(share * 0.05));
        });
    }

    /**
     * The rows a spec table asks for: its {@code rows}, or for a child table (a join table, a one-to-one child) the
     * expected count of its {@code rowsPer}: mean children per parent row, or, capped at one child, the share of
     * parents whose Poisson draw is not zero.
     */
    static double expectedRows(Config tables, String table) {
        Config t = tables.getConfig(table);
        if (t.hasPath("rows")) {
            return t.getLong("rows");
        }
        double mean = t.getDouble("rowsPer.mean");
        double parents = expectedRows(tables, t.getString("rowsPer.parent"));
        return t.getLong("rowsPer.max") == 1 ? -Math.expm1(-mean) * parents : mean * parents;
    }

    @Test
    void columnsGetGeneratorsFittingTheirStatistics() throws Exception {
        Path file = dir.resolve("team.conf");
        assertThat(profile(file, "--exact-counts").code()).isZero();
        Config tables = ConfigFactory.parseFile(file.toFile()).getConfig("spec.tables");
        assertThat(tables.getLong("item.rows")).isEqualTo(TeamDatabase.scalar(team, "SELECT count(*) FROM item"));
        assertThat(Files.readString(file)).contains("rows = 100000   # count(*)");
        assertThat(tables.getString("seller.columns.id.generator")).isEqualTo("sequence");
        assertThat(tables.getString("tag.columns.id.generator")).isEqualTo("sequence");
        assertThat(tables.getString("seller.columns.email.generator")).isEqualTo("pattern");
        assertThat(tables.getString("seller.columns.name.generator")).isEqualTo("pattern"); // unique
        assertThat(tables.getString("item.columns.title.expression")).isEqualTo("#{Commerce.productName}");
        assertThat(tables.getString("item.columns.status.generator")).isEqualTo("faker");
        assertThat(tables.getString("item.columns.price.generator")).isEqualTo("histogram");
        assertThat(tables.getString("seller.columns.region_code.generator")).isEqualTo("enum");
        assertThat(tables.getObject("seller.columns.region_code.values")).hasSize(7);
        assertThat(tables.getString("seller.columns.created_at.generator")).isEqualTo("timestamp");
        assertThat(tables.getString("seller.columns.created_at.from")).isEqualTo("2026-01-01");
        assertThat(tables.getString("item.columns.listed_on.generator")).isEqualTo("date");
        assertThat(tables.getString("item.columns.parent_item_id.generator")).isEqualTo("reference");
        assertThat(tables.getDouble("item.columns.parent_item_id.nulls")).isCloseTo(0.9, within(0.9 * 0.05));
        assertThat(tables.getDouble("seller.columns.rating.nulls")).isCloseTo(0.1, within(0.1 * 0.05));
        assertThat(tables.getString("item_tag.columns.tag_id.generator")).isEqualTo("reference");
        assertThat(tables.getString("seller.columns.active.generator")).isEqualTo("enum");
        assertThat(tables.getDouble("seller.columns.active.values.true")).isCloseTo(80, within(80 * 0.05));
        // a partitioned table is profiled as a whole, its partitions are not tables of the spec
        assertThat(tables.getLong("event.rows")).isEqualTo(5900);
        assertThat(tables.getString("event.columns.at.generator")).isEqualTo("date");
        assertThat(tables.getString("event.columns.at.to")).isEqualTo("2026-02-28");
        assertThat(tables.getString("event.columns.seller_id.skew")).isEqualTo("uniform");
        assertThat(tables.getString("item_tag.columns.tag_id.skew")).isEqualTo("uniform"); // 1200 rows per tag
        // parents come before their children, the ratio to the parent is a comment
        String text = Files.readString(file);
        assertThat(text.indexOf("    seller {")).isLessThan(text.indexOf("    item {"));
        assertThat(text.indexOf("    item {")).isLessThan(text.indexOf("    item_tag {"));
        assertThat(text).contains("# ≈ 50 per seller row");
    }

    @Test
    void noTextValueOfTheSourceAppearsInTheSpec() throws Exception {
        Path file = dir.resolve("team.conf");
        CliRun r = profile(file);
        assertThat(r.code()).isZero();
        String all = (Files.readString(file) + r.out() + r.err()).toLowerCase(Locale.ROOT);
        assertThat(all).doesNotContain(TeamDatabase.SECRET.toLowerCase(Locale.ROOT)).doesNotContain("shop.example");
    }

    @Test
    void profilingAndTableSelectionWriteNothingToTheDatabase() throws Exception {
        String before = TeamDatabase.contentHash(team);
        Path file = dir.resolve("two.conf");
        CliRun r = profile(file, "--tables", "seller,item", "--exact-counts");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ConfigFactory.parseFile(file.toFile()).getObject("spec.tables").keySet())
                .containsExactlyInAnyOrder("seller", "item");
        CliRun unknown = profile(dir.resolve("x.conf"), "--tables", "seller,nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Invalid value for option '--tables'").contains("[nope]");
        assertThat(dir.resolve("x.conf")).doesNotExist();
        assertThat(TeamDatabase.contentHash(team)).isEqualTo(before);
    }

    @Test
    void aTableNeverAnalyzedGetsZeroRowsAndAReviewNote() throws Exception {
        try (Connection c = team.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA fresh; CREATE TABLE fresh.note (id int PRIMARY KEY, score int);"
                    + "INSERT INTO fresh.note SELECT g, g FROM generate_series(1, 10) g");
        }
        Path file = dir.resolve("fresh.conf");
        CliRun r = profile(file, "--schema", "fresh");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(file)).contains("rows = 0   # review: never analyzed",
                "# score: review: no statistics for this column");
        assertThat(profile(dir.resolve("x.conf"), "--schema", "nope").err())
                .startsWith("Invalid value for option '--schema': schema 'nope' has no tables");
    }

    @Test
    void aHostOutsideAllowedHostsIsReadButNeverWritten() throws Exception {
        Path conf = Files.writeString(dir.resolve("replica.conf"), """
                include classpath("dev/salerush/seeder/reference.conf")
                db.allowedHosts = ["test-db.example"]
                """);
        CliRun read = profile(dir.resolve("team.conf"), "--config", conf.toString());
        assertThat(read.code()).as(read.err()).isZero();
        CliRun write = cli("seed", "--config", conf.toString(), "--db-url", team.jdbcUrl(), "--user", team.user());
        assertThat(write.code()).isEqualTo(3);
        assertThat(write.err()).startsWith("refused: host '127.0.0.1'");
    }

    @Test
    void theProfileSessionRefusesWrites() throws Exception {
        try (Connection c = ReadOnlySession.readOnly(team.connect(), team.describe()); Statement st = c.createStatement()) {
            assertThat(c.isReadOnly()).isTrue();
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO tag VALUES (999, 'x')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
            assertThatThrownBy(() -> st.execute("CREATE TABLE scratch (x int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
        }
        assertThat(TeamDatabase.scalar(team, "SELECT count(*) FROM tag WHERE id = 999")).isZero();
    }

    @Test
    void aSessionThatIsNotReadOnlyIsRefused() {
        assertThatThrownBy(() -> ReadOnlySession.requireReadOnly("off", "jdbc:postgresql://replica/shop"))
                .isInstanceOf(SafetyException.class)
                .hasMessageStartingWith("refused: could not make the session on jdbc:postgresql://replica/shop "
                        + "read-only (transaction_read_only = off)");
    }

    /** The real shares of the most frequent values, by count(*). */
    private static Map<String, Double> topShares(String table, String column, int n) throws SQLException {
        Map<String, Double> top = new LinkedHashMap<>();
        try (Connection c = team.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + ", count(*)::float8 / sum(count(*)) OVER () "
                     + "FROM " + table + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + n)) {
            while (rs.next()) {
                top.put(rs.getString(1), rs.getDouble(2));
            }
        }
        assertThat(top).hasSize(n);
        return top;
    }
}
