package dev.salerush.sim.server;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.MetricsSettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code metrics} section of the configuration, read through {@link SuiteConfig#metrics()}. */
class MetricsSettingsTest {
    static final Path PROJECT_ROOT = TestConfigs.PROJECT_ROOT;

    static SuiteConfig load(String... keyValues) {
        return TestConfigs.load(keyValues);
    }

    @Test
    void shippedDefaultsScrapeTheDemoShopEverySecond() {
        MetricsSettings metrics = load().metrics();

        assertThat(metrics.enabled()).isTrue();
        assertThat(metrics.url()).isEmpty();
        assertThat(metrics.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(metrics.scrapeTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(metrics.names()).isEqualTo(MetricsSettings.Names.DEFAULTS);
        assertThat(metrics.endpoint("http://127.0.0.1:41234/")).hasToString("http://127.0.0.1:41234/metrics");
    }

    @Test
    void anExplicitUrlAndNamesAreTaken() {
        MetricsSettings metrics = load("metrics.url", "http://localhost:9000/actuator/prometheus",
                "metrics.names.cpu", "system_cpu_usage", "metrics.interval", "250ms").metrics();

        assertThat(metrics.endpoint("http://127.0.0.1:8080")).hasToString("http://localhost:9000/actuator/prometheus");
        assertThat(metrics.names().cpu()).isEqualTo("system_cpu_usage");
        assertThat(metrics.scrapeTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aUrlOnAHostThatIsNotAllowedIsRefusedNamingBothKeys() {
        assertThatThrownBy(() -> load("metrics.url", "http://prod.example.com/metrics"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("metrics.url").hasMessageContaining("prod.example.com")
                .hasMessageContaining("target.allowedHosts");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> load("metrics.url", "ftp://127.0.0.1/metrics").metrics())
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("metrics.url must be an http:// or https:// URL");
        assertThatThrownBy(() -> load("metrics.interval", "50ms").metrics())
                .isInstanceOf(ConfigError.class).hasMessage("metrics.interval must be between 100ms and 60s, got 50ms");
        assertThatThrownBy(() -> load("metrics.interval", "2m").metrics())
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("metrics.interval must be between");
        assertThatThrownBy(() -> load("metrics.interval", "often").metrics())
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("metrics.interval must be");
        assertThatThrownBy(() -> load("metrics.names.heap", " ").metrics())
                .isInstanceOf(ConfigError.class).hasMessage("metrics.names.heap must not be empty");
        assertThatThrownBy(() -> load("metrics.names.requests", "http.server.requests").metrics())
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("metrics.names.requests must be a Prometheus metric name");
        assertThatThrownBy(() -> load("metrics.enabled", "maybe").metrics())
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("metrics.enabled must be true or false");
    }
}
