package dev.salerush.sim.journeys;

import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.SimulationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A team simulation's ids sampled from its own database: every {@code ids.queries.<name>} run once, read-only, before
 * the load; each row becomes a feeder record keyed by the query's column labels.
 */
public final class TeamIds {
    private static final Logger log = LoggerFactory.getLogger(TeamIds.class);

    private final Map<String, List<Map<String, Object>>> rowsByName;

    private TeamIds(Map<String, List<Map<String, Object>>> rowsByName) {
        this.rowsByName = rowsByName;
    }

    public static TeamIds none() {
        return new TeamIds(Map.of());
    }

    /**
     * Runs every configured query; a failing query or one without rows is an {@link EnvironmentError} naming its key,
     * so the run stops before any load.
     */
    public static TeamIds sample(DatabaseSettings database, Map<String, String> queries) {
        if (queries.isEmpty()) {
            return none();
        }
        Map<String, List<Map<String, Object>>> sampled = new TreeMap<>();
        try (Connection connection = database.openReadOnly()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                String key = SimulationSettings.QUERIES_KEY + "." + query.getKey();
                List<Map<String, Object>> rows = rows(connection, key, query.getValue());
                if (rows.isEmpty()) {
                    throw new EnvironmentError(key + " returned no rows from " + database.url()
                            + ": the virtual users would have no ids to ask for");
                }
                log.info("ids sampled for {}: {} rows", key, rows.size());
                sampled.put(query.getKey(), List.copyOf(rows));
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new EnvironmentError("sampling ids from " + database.url() + " failed: " + e.getMessage(), e);
        }
        return new TeamIds(sampled);
    }

    /** The rows of {@code ids.queries.<name>}; a name that is not configured is a {@link ConfigError}. */
    public List<Map<String, Object>> rows(String name) {
        List<Map<String, Object>> rows = rowsByName.get(name);
        if (rows == null) {
            throw new ConfigError("no query '" + name + "' in " + SimulationSettings.QUERIES_KEY + "; configured: "
                    + (rowsByName.isEmpty() ? "none" : String.join(", ", rowsByName.keySet())));
        }
        return rows;
    }

    private static List<Map<String, Object>> rows(Connection connection, String key, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), rs.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new EnvironmentError(key + " failed: " + e.getMessage(), e);
        }
    }
}
