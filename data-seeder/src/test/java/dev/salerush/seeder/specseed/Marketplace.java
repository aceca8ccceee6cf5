package dev.salerush.seeder.specseed;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The shipped marketplace example: fresh databases with its schema, its spec, and small query helpers. */
final class Marketplace {

    static final String SCHEMA = "dev/salerush/seeder/examples/marketplace-schema.sql";
    static final String SPEC = "dev/salerush/seeder/examples/marketplace.conf";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Marketplace() {
    }

    static Config spec() {
        return ConfigFactory.parseResources(SPEC).resolve();
    }

    /** The shipped spec's text, to hand to the CLI as a file. */
    static String specText() {
        return Schema.sql(SPEC);
    }

    /** A new database in the cluster holding the empty marketplace schema (a team's freshly migrated schema). */
    static DbTarget freshSchema(EmbeddedDatabase db) throws Exception {
        String name = "market" + DATABASES.incrementAndGet();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        DbTarget t = new DbTarget(db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name), db.user(),
                db.password(), DbTarget.LOOPBACK);
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            st.execute(Schema.sql(SCHEMA));
        }
        return t;
    }

    static long scalar(DbTarget t, String sql) throws Exception {
        try (Connection c = t.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
