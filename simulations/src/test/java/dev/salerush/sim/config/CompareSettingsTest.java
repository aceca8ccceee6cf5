package dev.salerush.sim.config;

import dev.salerush.env.EmbeddedSettings.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Dprofile=compare} and what each of its runs reads: the pairs in order, each side's settings as a file that
 * loads as a drill run of the profile compare, a drill on the single topology when it is set, and the new keys'
 * defaults (the breaker on, a standby).
 */
class CompareSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theNewKeysKeepTheBreakerOnAndTheStandby() {
        SuiteConfig config = TestConfigs.load();
        assertThat(config.embedded().shop().breaker().enabled()).isTrue();
        assertThat(config.embedded().redundancy().standby()).isTrue();
        assertThat(config.comparesMitigations()).isFalse();
    }

    @Test
    void theComparisonRunsItsPairsInOrderAndSendsNoLoadItself() {
        SuiteConfig config = TestConfigs.load("profile", "compare");

        assertThat(config.comparesMitigations()).isTrue();
        assertThat(config.drills().active()).as("no drill in the comparison's own JVM").isFalse();
        assertThat(config.comparisons()).extracting(Comparison::name)
                .containsExactly("instance-crash", "payment-outage", "db-failover");
        assertThat(TestConfigs.load("profile", "compare", "compare.pairs", "db-failover").comparisons())
                .extracting(Comparison::drill).containsExactly("db-failover");
    }

    @Test
    void withoutTheRedundancyTheInstanceCrashRunsOnTheSingleTopologyAndNothingAbsorbsIt() throws IOException {
        Comparison pair = pair("instance-crash");
        SuiteConfig without = run(pair, pair.without());
        SuiteConfig with = run(pair, pair.with());

        assertThat(without.embedded().topology()).isEqualTo(Topology.SINGLE);
        assertThat(with.embedded().topology()).isEqualTo(Topology.REDUNDANT);
        DrillSettings.DrillSpec drill = without.drills().scheduled().get(0).drill();
        assertThat(drill.absorbed()).isFalse();
        assertThat(drill.description().in(ReportLocale.KO)).contains("하나뿐인 쇼핑몰 인스턴스");
        assertThat(drill.description().in(ReportLocale.EN)).contains("no load balancer");
        assertThat(with.drills().scheduled().get(0).drill().absorbed()).isTrue();
        assertThat(without.profile().name()).isEqualTo("compare");
        assertThat(pair.without().keys()).contains("embedded.topology", "drills.catalogue.instance-crash.absorbed");
    }

    @Test
    void withoutTheBreakerItNeverOpensAndItsAlertIsNotExpected() throws IOException {
        Comparison pair = pair("payment-outage");
        SuiteConfig without = run(pair, pair.without());
        SuiteConfig with = run(pair, pair.with());

        assertThat(without.embedded().shop().breaker().enabled()).isFalse();
        assertThat(without.drills().scheduled().get(0).drill().expectedAlerts()).containsExactly("PaymentFailureRatio");
        assertThat(with.embedded().shop().breaker().enabled()).isTrue();
        assertThat(with.drills().scheduled().get(0).drill().expectedAlerts())
                .containsExactly("PaymentBreakerOpen", "PaymentFailureRatio");
        assertThat(without.embedded().topology()).isEqualTo(with.embedded().topology()).isEqualTo(Topology.REDUNDANT);
    }

    @Test
    void withoutAStandbyTheResponderRestartsThePrimaryInPlace() throws IOException {
        Comparison pair = pair("db-failover");
        SuiteConfig without = run(pair, pair.without());
        SuiteConfig with = run(pair, pair.with());

        assertThat(without.embedded().redundancy().standby()).isFalse();
        assertThat(without.drills().scheduled().get(0).drill().firstAction()).extracting(Object::toString)
                .containsExactly("restart-primary");
        assertThat(with.embedded().redundancy().standby()).isTrue();
        assertThat(with.drills().scheduled().get(0).drill().firstAction()).extracting(Object::toString)
                .containsExactly("failover");
    }

    @Test
    void aDrillOnTheSingleTopologyWhenASettingAsksForIt() {
        assertThat(TestConfigs.load("drill", "payment-outage", "embedded.topology", "single").embedded().topology())
                .isEqualTo(Topology.SINGLE);
        assertThat(TestConfigs.load("drill", "payment-outage").embedded().topology()).isEqualTo(Topology.REDUNDANT);
    }

    private static Comparison pair(String name) {
        return TestConfigs.load("profile", "compare").comparisons().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** The configuration one run of the pair reads: its side's settings as the file the comparison writes. */
    private SuiteConfig run(Comparison pair, Comparison.Side side) throws IOException {
        Path file = Files.writeString(dir.resolve(pair.name() + "-" + side.name() + ".conf"), side.settings());
        return TestConfigs.load("profile", "compare", "drill", pair.drill(), "salerush.conf", file.toString());
    }
}
