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
    }

    @Test
    void roundTripsThroughArgs() {
        ShopSettings s = ShopSettings.defaults(URL, "shop", "secret", GW)
                .withPort(0).withPools(3, 2)
                .withGatewayTimeouts(Duration.ofMillis(300), Duration.ofMillis(1500))
                .withBreaker(new BreakerSettings(10, 5, 40, Duration.ofMillis(700), 60, Duration.ofSeconds(2), 2))
                .withUnsafeStockCheck(true)
                .withArtificialDelay(Duration.ofMillis(20))
                .withParentWatch(1234, true);
        ShopSettings back = ShopSettings.fromArgs(s.toArgs().toArray(String[]::new), "secret");
        assertThat(back).isEqualTo(s);
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
