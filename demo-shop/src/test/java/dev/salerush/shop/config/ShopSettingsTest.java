package dev.salerush.shop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShopSettingsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/salerush";
    private static final String GW = "http://127.0.0.1:9090";

    @Test
    void defaultsNeedOnlyDbAndGateway() {
        ShopSettings s = ShopSettings.fromArgs(new String[] {"--db-url=" + URL, "--gateway-url=" + GW}, "pw");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dbUser()).isEqualTo("salerush");
        assertThat(s.dbPassword()).isEqualTo("pw");
        assertThat(s.browsePoolSize()).isEqualTo(16);
        assertThat(s.orderPoolSize()).isEqualTo(8);
        assertThat(s.breaker()).isEqualTo(BreakerSettings.DEFAULTS);
        assertThat(s.unsafeStockCheck()).isFalse();
        assertThat(s.artificialDelay()).isEqualTo(Duration.ZERO);
        assertThat(s.version()).isEqualTo(new VersionSettings("v1", Behaviour.NORMAL, Duration.ofMillis(300)));
        assertThat(s.admission()).isEqualTo(
                new AdmissionSettings(64, 128, Duration.ofMillis(200), Duration.ofSeconds(1)));
        assertThat(s.apiDelay()).isZero();
    }

    @Test
    void roundTripsThroughArgs() {
        ShopSettings s = ShopSettings.defaults(URL, "shop", "secret", GW)
                .withPort(0).withPools(3, 2)
                .withGatewayTimeouts(Duration.ofMillis(300), Duration.ofMillis(1500))
                .withBreaker(new BreakerSettings(10, 5, 40, Duration.ofMillis(700), 60, Duration.ofSeconds(2), 2))
                .withUnsafeStockCheck(true)
                .withArtificialDelay(Duration.ofMillis(20))
                .withVersion(new VersionSettings("v2-broken-orders", Behaviour.BROKEN_ORDERS, Duration.ofMillis(450)))
                .withAdmission(new AdmissionSettings(3, 0, Duration.ZERO, Duration.ofMillis(250)))
                .withParentWatch(1234, true);
        ShopSettings back = ShopSettings.fromArgs(s.toArgs().toArray(String[]::new), "secret");
        assertThat(back).isEqualTo(s);
    }

    @Test
    void aBreakerTurnedOffRoundTripsAndIsOnUnlessSaidOtherwise() {
        ShopSettings off = ShopSettings.defaults(URL, "shop", "secret", GW)
                .withBreaker(BreakerSettings.DEFAULTS.withEnabled(false));
        assertThat(off.toArgs()).contains("--breaker-enabled=false");
        assertThat(ShopSettings.fromArgs(off.toArgs().toArray(String[]::new), "secret").breaker().enabled()).isFalse();
        assertThat(ShopSettings.defaults(URL, "shop", "secret", GW).toArgs()).noneMatch(a -> a.startsWith("--breaker-enabled"));
        assertThatThrownBy(() -> ShopSettings.fromArgs(new String[] {"--db-url=" + URL, "--gateway-url=" + GW,
                "--breaker-enabled=sometimes"}, null)).hasMessageContaining("--breaker-enabled=sometimes is not a boolean");
    }

    @Test
    void readsVersionAndAdmission() {
        ShopSettings s = ShopSettings.fromArgs(new String[] {"--db-url=" + URL, "--gateway-url=" + GW,
                "--version=v1.1", "--behaviour=slow", "--slow-delay=500ms", "--artificial-delay=20ms",
                "--max-concurrent=1", "--max-queued=0", "--queue-wait=50ms", "--pool-wait=300ms"}, null);
        assertThat(s.version()).isEqualTo(new VersionSettings("v1.1", Behaviour.SLOW, Duration.ofMillis(500)));
        assertThat(s.admission()).isEqualTo(new AdmissionSettings(1, 0, Duration.ofMillis(50), Duration.ofMillis(300)));
        assertThat(s.apiDelay()).as("one delay: artificial plus slow").isEqualTo(Duration.ofMillis(520));
        assertThat(ShopSettings.fromArgs(s.toArgs().toArray(String[]::new), null)).isEqualTo(s);
    }

    @Test
    void badVersionAndAdmissionValuesNameTheOptionAndWhatIsAllowed() {
        assertThatThrownBy(() -> ShopSettings.fromArgs(new String[] {"--db-url=" + URL, "--gateway-url=" + GW,
                "--version=v 2", "--behaviour=crashy", "--slow-delay=300", "--max-concurrent=0", "--max-queued=-1",
                "--queue-wait=soon", "--pool-wait=100ms"}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--version=v 2 is not a valid label (1..64 of [A-Za-z0-9._-]")
                .hasMessageContaining("--behaviour=crashy is not one of normal, broken-orders, empty-lists, slow")
                .hasMessageContaining("--slow-delay")
                .hasMessageContaining("--max-concurrent=0 is out of range 1..10000")
                .hasMessageContaining("--max-queued=-1 is out of range 0..10000")
                .hasMessageContaining("--queue-wait")
                .hasMessageContaining("--pool-wait=100ms is below Hikari's minimum of 250ms");
    }

    @Test
    void acceptsAMultiHostFailoverUrl() {
        String multi = "jdbc:postgresql://127.0.0.1:5432,127.0.0.1:5433/salerush"
                + "?targetServerType=primary&hostRecheckSeconds=2";
        ShopSettings s = ShopSettings.fromArgs(new String[] {"--db-url=" + multi, "--gateway-url=" + GW}, null);
        assertThat(s.dbUrl()).isEqualTo(multi);
        assertThat(ShopSettings.fromArgs(s.toArgs().toArray(String[]::new), null)).isEqualTo(s);
    }

    @Test
    void rejectsAPostgresUrlTheDriverCannotRead() {
        assertThatThrownBy(() -> ShopSettings.fromArgs(
                new String[] {"--db-url=jdbc:postgresql://127.0.0.1:notaport/salerush", "--gateway-url=" + GW}, null))
                .hasMessageContaining("not a valid PostgreSQL JDBC URL");
    }

    @Test
    void passwordIsNeverAnArgumentNorPrinted() {
        ShopSettings s = ShopSettings.defaults(URL, "shop", "top-secret", GW);
        assertThat(String.join(" ", s.toArgs())).doesNotContain("top-secret");
        assertThat(s.toString()).doesNotContain("top-secret");
    }

    @Test
    void reportsEveryProblemNamingTheOption() {
        assertThatThrownBy(() -> ShopSettings.fromArgs(new String[] {
                "--port=99999", "--artificial-delay=20", "--bogus=1", "--breaker-failure-rate=abc"}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port=99999 is out of range")
                .hasMessageContaining("--artificial-delay")
                .hasMessageContaining("unknown option --bogus")
                .hasMessageContaining("--breaker-failure-rate=abc is not an integer")
                .hasMessageContaining("--db-url is required")
                .hasMessageContaining("--gateway-url is required");
    }

    @Test
    void rejectsNonPostgresUrl() {
        assertThatThrownBy(() -> ShopSettings.fromArgs(
                new String[] {"--db-url=jdbc:mysql://x/y", "--gateway-url=" + GW}, null))
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void flagsAcceptBareAndExplicitValues() {
        String[] base = {"--db-url=" + URL, "--gateway-url=" + GW};
        assertThat(ShopSettings.fromArgs(concat(base, "--unsafe-stock-check"), null).unsafeStockCheck()).isTrue();
        assertThat(ShopSettings.fromArgs(concat(base, "--unsafe-stock-check=false"), null).unsafeStockCheck())
                .isFalse();
        assertThatThrownBy(() -> ShopSettings.fromArgs(concat(base, "--unsafe-stock-check=maybe"), null))
                .hasMessageContaining("not a boolean");
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
