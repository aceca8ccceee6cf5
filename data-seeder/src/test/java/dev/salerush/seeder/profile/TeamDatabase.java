package dev.salerush.seeder.profile;

import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * A team's database built with plain SQL in an embedded cluster: sellers with a zipf-like item skew (power of a
 * uniform draw), a self-referencing item table, a tag join table, and text values marked {@value #SECRET} so a
 * test can prove no text value leaves the database.
 */
public final class TeamDatabase {

    /** Every text value of the team's data contains this marker (in upper or lower case). */
    public static final String SECRET = "ZQXSECRET";

    public static final List<String> TABLES = List.of("event", "item", "item_tag", "seller", "tag");

    static final String SCHEMA = """
            SELECT setseed(0.42);
            CREATE TABLE seller (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                email text NOT NULL UNIQUE, region_code int NOT NULL, rating numeric(3,2),
                created_at timestamptz NOT NULL, active boolean NOT NULL);
            INSERT INTO seller (name, email, region_code, rating, created_at, active)
                SELECT 'ZQXSECRET seller ' || g, 'zqxsecret' || g || '@shop.example', g % 7,
                       CASE WHEN g % 10 = 0 THEN NULL ELSE round((1 + random() * 4)::numeric, 2) END,
                       timestamptz '2026-01-01 00:00+00' + g * interval '1 hour', g % 5 <> 0
                FROM generate_series(1, 2000) g;
            CREATE TABLE item (id bigserial PRIMARY KEY, seller_id bigint NOT NULL REFERENCES seller,
                parent_item_id bigint REFERENCES item, price int NOT NULL, status text NOT NULL,
                listed_on date NOT NULL, title varchar(120));
            INSERT INTO item (seller_id, parent_item_id, price, status, listed_on, title)
                SELECT 1 + floor(2000 * power(random(), 3))::int, CASE WHEN g % 10 = 0 THEN g / 10 END,
                       1000 + floor(1000000 * power(random(), 2))::int,
                       CASE WHEN random() < 0.9 THEN 'ZQXSECRET-PAID' ELSE 'ZQXSECRET-CANCELLED' END,
                       date '2026-01-01' + g % 180, 'ZQXSECRET title ' || g % 5000
                FROM generate_series(1, 100000) g;
            CREATE INDEX item_seller_idx ON item (seller_id);
            CREATE TABLE tag (id int PRIMARY KEY, label text NOT NULL);
            INSERT INTO tag SELECT g, 'ZQXSECRET tag ' || g FROM generate_series(1, 50) g;
            CREATE TABLE item_tag (item_id bigint REFERENCES item, tag_id int REFERENCES tag,
                PRIMARY KEY (item_id, tag_id));
            INSERT INTO item_tag SELECT i, 1 + (i * 7 + k) % 50 FROM generate_series(1, 30000) i, generate_series(0, 1) k;
            CREATE TABLE event (seller_id bigint NOT NULL REFERENCES seller, at date NOT NULL, kind text)
                PARTITION BY RANGE (at);
            CREATE TABLE event_2026_01 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
            CREATE TABLE event_2026_02 PARTITION OF event FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
            INSERT INTO event SELECT 1 + g % 100, date '2026-01-01' + g % 59, 'ZQXSECRET-click'
                FROM generate_series(1, 5900) g;
            -- a sample of the whole table: the tests check the profile's mapping, not ANALYZE's sampling noise
            ALTER TABLE item ALTER seller_id SET STATISTICS 400;
            """;

    private TeamDatabase() {
    }

    /** Creates database {@code name} in the cluster and fills it; returns a target for it. */
    public static DbTarget create(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        DbTarget target = target(db, name);
        try (Connection c = target.connect(); Statement st = c.createStatement()) {
            st.execute(SCHEMA);
            st.execute("VACUUM ANALYZE"); // on its own: not inside the multi-statement transaction
        }
        return target;
    }

    /** Copies database {@code from} (data and statistics) to a new database {@code name}. */
    public static DbTarget copy(EmbeddedDatabase db, String from, String name) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + from);
        }
        return target(db, name);
    }

    public static DbTarget target(EmbeddedDatabase db, String name) {
        return new DbTarget(db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name), db.user(),
                db.password(), DbTarget.LOOPBACK);
    }

    /** SHA-256 over every row of every table in key order and the list of relations: changes with any write. */
    public static String contentHash(DbTarget t) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
                    while (rs.next()) {
                        md.update(rs.getString(1).getBytes());
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT relname FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE nspname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    md.update(rs.getString(1).getBytes());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static long scalar(DbTarget t, String sql) throws SQLException {
        try (Connection c = t.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
