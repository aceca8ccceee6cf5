package dev.salerush.env.alerting;

import dev.salerush.env.EnvironmentError;
import dev.salerush.env.process.ExternalTool;
import dev.salerush.env.process.ToolCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four programs of the alerting stack, found from the settings ({@code drills.tools.<name>}) or the usual places,
 * and what is run of them besides the servers: their versions and the configuration checks.
 *
 * @param prometheus   the server
 * @param alertmanager the server (Debian names it {@code prometheus-alertmanager})
 * @param promtool     checks the Prometheus configuration and the rules
 * @param amtool       checks the Alertmanager configuration and renders the notice's text
 */
record AlertingTools(Path prometheus, Path alertmanager, Path promtool, Path amtool) {

    static final String PACKAGES = "apt-get install prometheus prometheus-alertmanager";
    private static final Pattern VERSION = Pattern.compile("version (\\S+)");
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);

    /**
     * @throws EnvironmentError one is missing: one line naming the packages and the setting
     */
    static AlertingTools locate(AlertingSettings s) {
        return new AlertingTools(find(ExternalTool.PROMETHEUS, s.prometheus()),
                find(ExternalTool.ALERTMANAGER, s.alertmanager()), find(ExternalTool.PROMTOOL, s.promtool()),
                find(ExternalTool.AMTOOL, s.amtool()));
    }

    /** The setting that points at a tool, e.g. {@code drills.tools.prometheus}. */
    static String property(ExternalTool tool) {
        return "drills.tools." + tool.command();
    }

    private static Path find(ExternalTool tool, Optional<Path> configured) {
        if (configured.isPresent()) {
            Path path = configured.get();
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path.toAbsolutePath();
            }
            throw new EnvironmentError(tool.command() + " is required for drills but " + path + " (set by "
                    + property(tool) + ") is not an executable: " + PACKAGES + " (or fix " + property(tool) + ")");
        }
        try {
            return tool.locate(null);
        } catch (ExternalTool.ToolNotFoundException e) {
            throw missing(tool);
        }
    }

    /** The one-line error of a missing tool: the packages to install and the setting that points at it. */
    static EnvironmentError missing(ExternalTool tool) {
        return new EnvironmentError(tool.command() + " is required for drills: " + PACKAGES + " (or set "
                + property(tool) + ")");
    }

    /** The version a tool prints for {@code --version}, e.g. {@code 2.42.0+ds}; "unknown" if it says none. */
    static String version(Path tool) {
        ToolCheck run = ToolCheck.run(tool.getFileName().toString(), List.of(tool.toString(), "--version"),
                CHECK_TIMEOUT);
        Matcher m = VERSION.matcher(run.output());
        return m.find() ? m.group(1) : "unknown";
    }

    /** {@code promtool check config <file>} (the rule files it names are checked too). */
    void checkPrometheusConfig(Path config) {
        check("Prometheus", List.of(promtool.toString(), "check", "config", config.toString()), config);
    }

    /** {@code amtool check-config <file>} (template files are parsed too, but not the receivers' inline texts). */
    void checkAlertmanagerConfig(Path config) {
        check("Alertmanager", List.of(amtool.toString(), "check-config", config.toString()), config);
    }

    /**
     * Renders a notice's text with {@code amtool template render} on amtool's example alerts: a text that does not
     * parse or execute (a team's own, say) would otherwise fail only in Alertmanager, and no notice would be posted.
     */
    void checkNoticeText(String text) {
        List<String> command = List.of(amtool.toString(), "template", "render", "--template.glob=/dev/null",
                "--template.text=" + text);
        ToolCheck check = ToolCheck.run("Alertmanager", command, CHECK_TIMEOUT);
        if (!check.passed()) {
            throw new EnvironmentError("the Slack notice's text does not render (amtool template render):\n"
                    + check.output().strip());
        }
    }

    private static void check(String part, List<String> command, Path config) {
        ToolCheck check = ToolCheck.run(part, command, CHECK_TIMEOUT);
        if (!check.passed()) {
            throw new EnvironmentError(part + " rejected its configuration " + config + " ("
                    + String.join(" ", command.subList(0, command.size() - 1)) + "):\n" + check.output().strip());
        }
    }
}
