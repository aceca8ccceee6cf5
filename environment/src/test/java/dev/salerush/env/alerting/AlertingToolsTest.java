package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.env.EnvironmentError;
import dev.salerush.env.process.ExternalTool;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertingToolsTest {

    @Test
    void aMissingToolIsOneLineNamingThePackagesAndTheSetting() {
        assertThat(AlertingTools.missing(ExternalTool.PROMETHEUS)).hasMessage("prometheus is required for drills:"
                + " apt-get install prometheus prometheus-alertmanager (or set drills.tools.prometheus)");
    }

    @Test
    void aConfiguredPathThatIsNotAnExecutableNamesItsSetting() {
        AlertingSettings s = AlertingSettings.defaults(Path.of("rules"));
        AlertingSettings broken = new AlertingSettings(s.rulesDir(), s.scrapeInterval(), s.evaluationInterval(),
                s.groupWait(), s.groupInterval(), s.repeatInterval(), s.watchdogRepeat(), s.channel(),
                Optional.empty(), Optional.of(Path.of("/nonexistent/prometheus")), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> AlertingTools.locate(broken)).isInstanceOf(EnvironmentError.class)
                .hasMessageContaining("/nonexistent/prometheus (set by drills.tools.prometheus)")
                .hasMessageContaining("apt-get install prometheus prometheus-alertmanager")
                .hasMessageNotContaining("\n");
    }
}
