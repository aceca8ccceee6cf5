package dev.salerush.shop.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes HikariCP evict a connection that fails with SQLState {@value #READ_ONLY_TRANSACTION} ("cannot execute ... in
 * a read-only transaction"): after a primary/standby switch, a pooled connection may sit on the server that is now a
 * standby, and would fail every write until it is replaced. Hikari evicts on its own for 08* and 57P01..03 (and a few
 * more) but not for this state.
 *
 * <p>Everything else gets {@link Override#CONTINUE_EVICT}, which keeps Hikari's own rules; {@code DO_NOT_EVICT} would
 * switch them off (Hikari stops looking at the exception then, even for 08006).
 *
 * <p>Hikari instantiates this class by name ({@code HikariConfig.setExceptionOverrideClassName}): it needs a public
 * no-argument constructor. Hikari asks about each exception of the {@code getNextException()} chain.
 */
public final class FailoverExceptionOverride implements SQLExceptionOverride {

    /** SQLState read_only_sql_transaction. */
    public static final String READ_ONLY_TRANSACTION = "25006";

    public FailoverExceptionOverride() {
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return READ_ONLY_TRANSACTION.equals(e.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
