package dev.salerush.env.alerting;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.GuardedProcess;
import dev.salerush.env.process.LaunchException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager as a child process on 127.0.0.1, under the stdin guard of {@link GuardedProcess}, alone (no cluster
 * gossip: {@code --cluster.listen-address=} empty), with its state (silences, notification log) in a directory of the
 * caller and its output appended to a log file. Stopping and starting it again on the same port is the "alerting
 * down" drill. The settings are the configuration file. Its clock is the notices' zone, through {@code TZ}: Go formats
 * a notice's {@code .StartsAt.Local} on it.
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
        return start(alertmanager, config, storageDir, port, logFile, timeout, NoticeStyle.defaults().zone());
    }

    /**
     * As {@link #start(Path, Path, Path, int, Path, Duration)}, on the clock of {@code zone}.
     *
     * @throws IllegalArgumentException {@code zone} has no name Alertmanager can load (see {@link #tz(ZoneId)})
     */
    public static AlertmanagerProcess start(Path alertmanager, Path config, Path storageDir, int port, Path logFile,
                                            Duration timeout, ZoneId zone) {
        return PromServer.start(PART, alertmanager, config, List.of(
                        "--storage.path=" + storageDir.toAbsolutePath(),
                        "--cluster.listen-address="),
                Map.of("TZ", tz(zone)), port, logFile, timeout, AlertmanagerProcess::new);
    }

    /**
     * The {@code TZ} that puts a Go program on {@code zone}'s clock. Go loads only tz database names (an unknown one
     * silently means UTC), so an offset ({@code +09:00}, {@code UTC+9}) becomes its {@code Etc/GMT} name, signs
     * inverted as the database has them ({@code Etc/GMT-9}).
     *
     * @throws IllegalArgumentException an offset that is not whole hours within Etc/GMT's (-12 … +14): it has no name
     */
    static String tz(ZoneId zone) {
        if (!(zone instanceof ZoneOffset) && !zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
            return zone.getId();
        }
        int seconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
        int hours = seconds / 3600;
        if (seconds == 0) {
            return "UTC";
        }
        if (seconds % 3600 != 0 || hours < -12 || hours > 14) {
            throw new IllegalArgumentException("the time zone " + zone + " has no name Alertmanager can load; use a"
                    + " region such as Asia/Kolkata");
        }
        return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
    }
}
