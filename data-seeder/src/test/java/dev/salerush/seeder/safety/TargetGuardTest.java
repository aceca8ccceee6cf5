package dev.salerush.seeder.safety;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.seeder.DbTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    static final List<String> LOOPBACK = DbTarget.LOOPBACK;

    @Test
    void loopbackHostsAreAllowed() {
        assertThatCode(() -> TargetGuard.checkHosts("jdbc:postgresql://127.0.0.1:5432/x", LOOPBACK)).doesNotThrowAnyException();
        assertThatCode(() -> TargetGuard.checkHosts("jdbc:postgresql://[::1]:5432/x", LOOPBACK)).doesNotThrowAnyException();
        assertThatCode(() -> TargetGuard.checkHosts("jdbc:postgresql:x", LOOPBACK)).doesNotThrowAnyException();
        assertThatCode(() -> TargetGuard.checkHosts("jdbc:postgresql://LOCALHOST/x", List.of("[localhost]")))
                .doesNotThrowAnyException();
    }

    @Test
    void otherHostsAreRefusedNamingHostAndKey() {
        assertThatThrownBy(() -> TargetGuard.checkHosts("jdbc:postgresql://db.prod.internal/shop?password=pw", LOOPBACK))
                .isInstanceOf(SafetyException.class)
                .hasMessageContaining("db.prod.internal").hasMessageContaining("db.allowedHosts")
                .hasMessageNotContaining("=pw");
        // every host of a list must be allowed
        assertThatThrownBy(() -> TargetGuard.checkHosts("jdbc:postgresql://127.0.0.1,10.0.0.5/x", LOOPBACK))
                .hasMessageContaining("10.0.0.5");
    }

    @Test
    void hotStandbyIsRefused() {
        assertThatThrownBy(() -> TargetGuard.decide(new TargetGuard.DbFacts(true, 0, false), "db"))
                .isInstanceOf(SafetyException.class).hasMessageContaining("hot standby");
    }

    @Test
    void nonEmptyDatabaseWithoutMarkerIsRefused() {
        assertThatThrownBy(() -> TargetGuard.decide(new TargetGuard.DbFacts(false, 3, false), "db"))
                .isInstanceOf(SafetyException.class).hasMessageContaining("3 table(s)").hasMessageContaining("marker");
    }

    @Test
    void emptyOrMarkedDatabasesAreAccepted() {
        assertThatCode(() -> TargetGuard.decide(new TargetGuard.DbFacts(false, 0, false), "db")).doesNotThrowAnyException();
        assertThatCode(() -> TargetGuard.decide(new TargetGuard.DbFacts(false, 6, true), "db")).doesNotThrowAnyException();
    }
}
