package dev.salerush.shop.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /health: a cheap {@code SELECT 1} through the browse pool. */
public final class HealthCheck {

    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);

    private final DataSource pool;

    public HealthCheck(DataSource pool) {
        this.pool = pool;
    }

    public boolean databaseUp() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
                return rs.next();
            }
        } catch (Exception e) {
            log.warn("Health check failed: {}", e.toString());
            return false;
        }
    }
}
