package dev.salerush.env.alerting;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.GuardedProcess;
import dev.salerush.env.process.LaunchException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Alertmanager as a child process on 127.0.0.1, under the stdin guard of {@link GuardedProcess}, alone (no cluster
 * gossip: {@code --cluster.listen-address=} empty), with its state (silences, notification log) in a directory of the
 * caller and its output appended to a log file. Stopping and starting it again on the same port is the "alerting
 * down" drill. The settings are the configuration file.
 */
public final class AlertmanagerProcess extends GuardedProcess<Path> {

    static final String PART = "Alertmanager";

    private AlertmanagerProcess(ChildProcess child, Path config) {
        super(child, config);
    }

    /**
     * Starts Alertmanager on {@code port} (0 = a free one) and waits until {@code /-/ready} answers 200.
     *
     * @throws LaunchException it exited or did not become ready; the message has its log tail
     */
    public static AlertmanagerProcess start(Path alertmanager, Path config, Path storageDir, int port, Path logFile,
                                            Duration timeout) {
        return PromServer.start(PART, alertmanager, config, List.of(
                        "--storage.path=" + storageDir.toAbsolutePath(),
                        "--cluster.listen-address="),
                port, logFile, timeout, AlertmanagerProcess::new);
    }
}
