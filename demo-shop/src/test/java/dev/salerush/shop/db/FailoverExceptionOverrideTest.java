package dev.salerush.shop.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailoverExceptionOverrideTest {

    private final FailoverExceptionOverride override = new FailoverExceptionOverride();

    @Test
    void readOnlyTransactionMustEvict() {
        SQLException e = new SQLException("cannot execute INSERT in a read-only transaction", "25006");
        assertThat(override.adjudicate(e)).isEqualTo(Override.MUST_EVICT);
    }

    /** Everything else keeps Hikari's own rules (DO_NOT_EVICT would switch off its eviction on 08*, 57P01...). */
    @ParameterizedTest
    @ValueSource(strings = {"08006", "57P01", "23505", "40001", "25P02"})
    void otherStatesKeepHikarisRules(String sqlState) {
        assertThat(override.adjudicate(new SQLException("x", sqlState))).isEqualTo(Override.CONTINUE_EVICT);
    }

    @Test
    void noStateKeepsHikarisRules() {
        assertThat(override.adjudicate(new SQLException("no state"))).isEqualTo(Override.CONTINUE_EVICT);
    }

    @Test
    void hikariCanLoadItByName() {
        HikariConfig config = new HikariConfig();
        config.setExceptionOverrideClassName(FailoverExceptionOverride.class.getName());
        assertThat(config.getExceptionOverride()).isInstanceOf(FailoverExceptionOverride.class);
    }
}
