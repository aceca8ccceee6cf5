package dev.salerush.sim.report.cli;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code exec:java@reports -Dreports.dir=...}: the pom's folder property is not taken for a misspelt setting. */
class ReportsMainTest {
    @Test
    void theResultsFolderPropertyIsLeftOutOfTheSettings() {
        Properties system = new Properties();
        system.setProperty(ReportsMain.RESULTS_FOLDER_PROPERTY, "/tmp/results");
        system.setProperty("report.locale", "en");

        assertThatThrownBy(() -> ConfigLoader.load(TestConfigs.PROJECT_ROOT, system)).isInstanceOf(ConfigError.class)
                .hasMessageContaining("unknown setting 'reports.dir'");
        Properties settings = ReportsMain.settingsOnly(system);
        assertThat(settings).doesNotContainKey(ReportsMain.RESULTS_FOLDER_PROPERTY).containsEntry("report.locale", "en");
        assertThat(ConfigLoader.load(TestConfigs.PROJECT_ROOT, settings).report().locale().name()).isEqualTo("EN");
    }
}
