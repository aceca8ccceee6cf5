package dev.salerush.sim.staging;

import dev.salerush.env.DatabaseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Stocks the staging's products once, at its start, as a drill run stocks its hot items ({@code drills.hotStock}): a
 * sale whose items sell out places no payments, and the drills run one after the other on a staging that stays up.
 * The staging's own embedded database, which it started; the suite never writes to a team's.
 */
final class StagingStock {
    /** Units every product in stock holds: more than any bounded run on this staging sells. */
    static final int UNITS = 1_000_000;

    private StagingStock() {
    }

    /** @return how many products were stocked */
    static int stockUp(DatabaseSettings database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE product SET stock = ? WHERE stock > 0 AND stock < ?")) {
            update.setInt(1, UNITS);
            update.setInt(2, UNITS);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stock the staging's products: " + e.getMessage(), e);
        }
    }
}
