package dev.salerush.env.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationScheduleTest {

    @Test
    void entriesAreReadInTimeOrderWithTheirArguments() {
        assertThat(OperationSchedule.parse(" 40s restart-instance shop-1 ; 20s kill-instance shop-1;"
                + "1m rolling-deploy v2:broken-orders; 1.5m rollback; 500ms gateway-errors 503"))
                .extracting(ScheduledOperation::toString)
                .containsExactly("0.5s gateway-errors 503", "20.0s kill-instance shop-1",
                        "40.0s restart-instance shop-1", "60.0s rolling-deploy v2:broken-orders", "90.0s rollback");
        assertThat(OperationSchedule.parse("")).isEmpty();
        assertThat(OperationSchedule.parse("10s kill-instance").get(0).argument()).isEmpty();
        assertThat(OperationSchedule.parse("10s lock-hot-rows 5s").get(0).at()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadEntryIsRefusedNamingItAndTheAllowedForm() {
        assertThatThrownBy(() -> OperationSchedule.parse("20s explode"))
                .hasMessageContaining("'20s explode': unknown operation 'explode'; allowed: kill-instance,");
        assertThatThrownBy(() -> OperationSchedule.parse("soon kill-instance"))
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> OperationSchedule.parse("10s rollback v1"))
                .hasMessageContaining("rollback takes no argument, got 'v1'");
        assertThatThrownBy(() -> OperationSchedule.parse("10s rolling-deploy"))
                .hasMessageContaining("rolling-deploy takes <label>[:<behaviour>]");
        assertThatThrownBy(() -> OperationSchedule.parse("10s rolling-deploy v2:flaky"))
                .hasMessageContaining("rolling-deploy takes <label>[:<behaviour>], e.g. v1.1 or v2:broken-orders, got 'v2:flaky'");
        assertThatThrownBy(() -> OperationSchedule.parse("10s gateway-errors 42"))
                .hasMessageContaining("gateway-errors takes <http status>");
        assertThatThrownBy(() -> OperationSchedule.parse("kill-instance"))
                .hasMessageContaining("is not '<offset> <operation> [argument]'");
    }
}
