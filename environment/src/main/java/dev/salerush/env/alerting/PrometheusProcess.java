package dev.salerush.env.alerting;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.GuardedProcess;
import dev.salerush.env.process.LaunchException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prometheus as a child process on 127.0.0.1, under the stdin guard of {@link GuardedProcess} (it dies with a
 * SIGKILLed parent), with its TSDB in a directory of the caller and its output appended to a log file. Alerts are
 * re-sent to Alertmanager every second (not the default minute), so an Alertmanager restarted during a drill learns
 * about the alerts still firing at once. The settings are the configuration file.
 */
public final class PrometheusProcess extends GuardedProcess<Path> {

    static final String PART = "Prometheus";

    private PrometheusProcess(ChildProcess child, Path config) {
        super(child, config);
    }

    /**
     * Starts Prometheus on {@code port} (0 = a free one) and waits until {@code /-/ready} answers 200.
     *
     * @throws LaunchException it exited or did not become ready; the message has its log tail
     */
    public static PrometheusProcess start(Path prometheus, Path config, Path storageDir, int port, Path logFile,
                                          Duration timeout) {
        return PromServer.start(PART, prometheus, config, List.of(
                        "--storage.tsdb.path=" + storageDir.toAbsolutePath(),
                        "--rules.alert.resend-delay=1s"),
                port, logFile, timeout, PrometheusProcess::new);
    }
}
