package dev.salerush.env.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A native program the suite runs (HAProxy, Prometheus, Alertmanager, promtool, amtool) and how to find it:
 * an explicitly configured path (the suite's {@code embedded.tools.<name>} setting, or the system property of the
 * same name), else the {@code PATH}, else the usual sbin directories (Debian installs haproxy in {@code /usr/sbin},
 * which is not on every user's PATH). When it is missing, {@link #locate} throws a {@link ToolNotFoundException} whose
 * message is one line naming the package to install.
 *
 * @param command     the executable's usual file name, e.g. {@code haproxy}; also names the setting
 * @param installHint how to install it, e.g. {@code apt-get install haproxy | brew install haproxy}
 * @param otherNames  other file names of the same program, tried after {@code command} in each directory (Debian
 *                    installs Alertmanager as {@code prometheus-alertmanager})
 */
public record ExternalTool(String command, String installHint, List<String> otherNames) {

    public static final ExternalTool HAPROXY =
            new ExternalTool("haproxy", "apt-get install haproxy | brew install haproxy");
    public static final ExternalTool PROMETHEUS =
            new ExternalTool("prometheus", "apt-get install prometheus | brew install prometheus");
    public static final ExternalTool PROMTOOL =
            new ExternalTool("promtool", "apt-get install prometheus | brew install prometheus");
    public static final ExternalTool ALERTMANAGER = new ExternalTool("alertmanager",
            "apt-get install prometheus-alertmanager | brew install alertmanager", List.of("prometheus-alertmanager"));
    public static final ExternalTool AMTOOL =
            new ExternalTool("amtool", "apt-get install prometheus-alertmanager | brew install alertmanager");

    private static final List<String> EXTRA_DIRS =
            List.of("/usr/sbin", "/usr/local/sbin", "/sbin", "/opt/homebrew/bin", "/opt/homebrew/sbin");

    public ExternalTool {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }

    public ExternalTool(String command, String installHint) {
        this(command, installHint, List.of());
    }

    /** A tool is missing or the configured path is not an executable; the message is one line. */
    public static final class ToolNotFoundException extends LaunchException {
        public ToolNotFoundException(String message) {
            super(message);
        }
    }

    /** The setting (and system property) that points at the executable: {@code embedded.tools.<command>}. */
    public String property() {
        return "embedded.tools." + command;
    }

    /** {@link #locate(String)} with the system property {@link #property()} as the configured path. */
    public Path locate() {
        return locate(System.getProperty(property()));
    }

    /**
     * The executable: {@code configured} when given (it must be an executable file), else the first match on
     * {@code PATH} or in the usual sbin directories.
     *
     * @throws ToolNotFoundException not found; the message names the package and the install commands
     */
    public Path locate(String configured) {
        return locate(configured, System.getenv("PATH"));
    }

    Path locate(String configured, String pathVariable) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path.toAbsolutePath();
            }
            throw new ToolNotFoundException(command + " not found at " + configured.trim() + " (set by " + property()
                    + "): install the package: " + installHint + ", or fix " + property());
        }
        return onSearchPath(pathVariable).orElseThrow(() -> new ToolNotFoundException(command
                + " not found on PATH (or set " + property() + "): install the package: " + installHint));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(command);
        names.addAll(otherNames);
        return names;
    }

    private Optional<Path> onSearchPath(String pathVariable) {
        List<String> dirs = new ArrayList<>();
        if (pathVariable != null) {
            dirs.addAll(List.of(pathVariable.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : names()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
