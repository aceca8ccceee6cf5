package dev.salerush.env.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalToolTest {

    private static final ExternalTool MISSING =
            new ExternalTool("salerush-no-such-tool", "apt-get install salerush-no-such-tool | brew install it");

    @Test
    void missingToolIsOneLineNamingThePackage() {
        assertThatThrownBy(() -> MISSING.locate(null, "/nonexistent"))
                .isInstanceOf(ExternalTool.ToolNotFoundException.class)
                .isInstanceOf(LaunchException.class)
                .hasMessage("salerush-no-such-tool not found on PATH (or set embedded.tools.salerush-no-such-tool):"
                        + " install the package: apt-get install salerush-no-such-tool | brew install it");
        assertThat(ExternalTool.HAPROXY.property()).isEqualTo("embedded.tools.haproxy");
        assertThat(ExternalTool.ALERTMANAGER.installHint()).contains("prometheus-alertmanager");
    }

    @Test
    void findsOnPathAndAtAConfiguredPath(@TempDir Path dir) throws Exception {
        Path exe = dir.resolve("salerush-no-such-tool");
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(MISSING.locate(null, "/nonexistent:" + dir)).isEqualTo(exe.toAbsolutePath());
        assertThat(MISSING.locate(exe.toString(), "")).isEqualTo(exe.toAbsolutePath());
    }

    @Test
    void aConfiguredPathThatIsNotExecutableIsAnError(@TempDir Path dir) throws Exception {
        Path notExe = Files.writeString(dir.resolve("tool"), "x");
        assertThatThrownBy(() -> MISSING.locate(notExe.toString(), dir.toString()))
                .hasMessageStartingWith("salerush-no-such-tool not found at " + notExe)
                .hasMessageContaining("embedded.tools.salerush-no-such-tool")
                .hasMessageContaining("apt-get install")
                .hasMessageNotContaining("\n");
    }

    @Test
    void findsAToolByItsOtherName(@TempDir Path dir) throws Exception {
        Path exe = dir.resolve("prometheus-alertmanager");
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(ExternalTool.ALERTMANAGER.locate(null, dir.toString())).isEqualTo(exe.toAbsolutePath());
        assertThat(ExternalTool.ALERTMANAGER.property()).isEqualTo("embedded.tools.alertmanager");
    }
}
