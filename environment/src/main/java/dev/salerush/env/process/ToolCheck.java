package dev.salerush.env.process;

import dev.salerush.seeder.process.SuiteProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short run of a native tool whose answer matters, such as a configuration check ({@code haproxy -c},
 * {@code promtool check config}, {@code amtool check-config}): stdin from /dev/null, output and errors together.
 *
 * @param exitCode the tool's exit code
 * @param output   what it printed (stdout and stderr)
 */
public record ToolCheck(int exitCode, String output) {

    /** Whether the tool exited with 0. */
    public boolean passed() {
        return exitCode == 0;
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @param part how messages name what the check is for, e.g. "load balancer (HAProxy)"
     * @throws LaunchException it could not be run, or did not finish within {@code timeout}
     */
    public static ToolCheck run(String part, List<String> command, Duration timeout) {
        String shown = String.join(" ", command.subList(0, Math.min(2, command.size())));
        Process check;
        try {
            check = SuiteProcesses.builder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new LaunchException(part + ": cannot run " + shown + ": " + e.getMessage(), e);
        }
        try {
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                check.destroyForcibly();
                throw new LaunchException(part + ": '" + shown + "' did not finish within " + timeout.toSeconds()
                        + " s");
            }
            return new ToolCheck(check.exitValue(), output);
        } catch (IOException e) {
            throw new LaunchException(part + ": cannot read the output of " + shown + ": " + e, e);
        } catch (InterruptedException e) {
            check.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LaunchException(part + ": interrupted while running " + shown, e);
        }
    }
}
