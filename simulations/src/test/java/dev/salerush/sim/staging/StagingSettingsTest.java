package dev.salerush.sim.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.TestConfigs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingSettingsTest {

    @TempDir
    Path dir;

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void readsTheStagingKeysWithPathsRelativeToTheCurrentDirectory() {
        StagingSettings s = StagingSettings.from(props("staging.info", "out/info.json",
                "staging.notify", "http://127.0.0.1:18099/alerts", "staging.dir", "logs", "dataset.scale", "0.01"), dir);
        assertThat(s.infoFile()).isEqualTo(dir.resolve("out/info.json"));
        assertThat(s.notifyUrl()).contains(URI.create("http://127.0.0.1:18099/alerts"));
        assertThat(s.dir()).contains(dir.resolve("logs"));
        StagingSettings bare = StagingSettings.from(props("staging.info", "/tmp/x/info.json"), dir);
        assertThat(bare.notifyUrl()).isEmpty();
        assertThat(bare.dir()).isEmpty();
    }

    @Test
    void badInputNamesTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> StagingSettings.from(props(), dir)).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("staging.info is missing").hasMessageContaining("-Dstaging.info=");
        assertThatThrownBy(() -> StagingSettings.from(props("staging.info", " "), dir))
                .hasMessageStartingWith("staging.info is missing");
        assertThatThrownBy(() -> StagingSettings.from(props("staging.info", dir.toString()), dir))
                .hasMessageStartingWith("staging.info names " + dir + ", which is a folder");
        for (String bad : new String[] {"localhost:18099/alerts", "ftp://h/x", "http://", "not a url"}) {
            assertThatThrownBy(() -> StagingSettings.from(props("staging.info", "i.json", "staging.notify", bad), dir))
                    .isInstanceOf(ConfigError.class)
                    .hasMessageStartingWith("staging.notify must be an http:// or https:// URL with a host")
                    .hasMessageEndingWith("got '" + bad + "'");
        }
        assertThatThrownBy(() -> StagingSettings.from(props("staging.info", "i.json", "staging.notfy", "x"), dir))
                .hasMessage("unknown setting 'staging.notfy' (-D on the command line); the staging takes staging.info, "
                        + "staging.notify, staging.dir");
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedNamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        StagingSettings underAFile = StagingSettings.from(props("staging.info", file.resolve("info.json").toString(),
                "staging.dir", file.resolve("logs").toString()), dir);
        assertThatThrownBy(underAFile::checkInfoFolder).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("staging.info: cannot write in " + file);
        assertThatThrownBy(() -> underAFile.createFolder(dir, LocalDateTime.now())).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("staging.dir: cannot write in " + file.resolve("logs"));
    }

    @Test
    void theDefaultFolderIsStagingAndTheTimeUnderTheResultsFolderNeverReused() {
        StagingSettings s = StagingSettings.from(props("staging.info", "i.json"), dir);
        LocalDateTime at = LocalDateTime.of(2026, 12, 7, 9, 5, 3);
        Path results = dir.resolve("results");
        assertThat(s.createFolder(results, at)).isEqualTo(results.resolve("staging-20261207-090503")).isDirectory();
        assertThat(s.createFolder(results, at)).isEqualTo(results.resolve("staging-20261207-090503-1")).isDirectory();
        StagingSettings given = StagingSettings.from(props("staging.info", "i.json", "staging.dir", "mine"), dir);
        assertThat(given.createFolder(results, at)).isEqualTo(dir.resolve("mine")).isDirectory();
        assertThat(given.createFolder(results, at)).isEqualTo(dir.resolve("mine"));
    }

    @Test
    void theConfigurationIsTheRedundantEnvironmentsAndNothingElse() {
        assertThat(StagingMain.load(TestConfigs.PROJECT_ROOT, props("dataset.scale", "0.01")).targetKind().redundant())
                .isTrue();
        assertThatThrownBy(() -> StagingMain.load(TestConfigs.PROJECT_ROOT, props("embedded.topology", "single")))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("embedded.topology = single: a standing staging is the redundant environment");
        assertThatThrownBy(() -> StagingMain.load(TestConfigs.PROJECT_ROOT,
                props("target.baseUrl", "http://127.0.0.1:9999"))).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("target.baseUrl = http://127.0.0.1:9999: a standing staging starts the embedded");
        assertThatThrownBy(() -> StagingMain.load(TestConfigs.PROJECT_ROOT, props("dataset.scael", "1")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("dataset.scale");
    }
}
