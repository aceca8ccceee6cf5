package dev.salerush.env.alerting;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.GuardedProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What Prometheus and Alertmanager share as child processes: the same flag style ({@code --config.file},
 * {@code --web.listen-address}), readiness at {@code /-/ready}, Go's "address already in use" on a taken port, and
 * the stdin guard of {@link GuardedProcess}.
 */
final class PromServer {

    private PromServer() {
    }

    /**
     * Runs {@code tool --config.file=<config> --web.listen-address=127.0.0.1:<port> <args>} on {@code port} (0 = a
     * free one, picked again on a bind race) and waits until {@code /-/ready} answers 200.
     *
     * @param wrap makes the process object from the child and the configuration file
     */
    static <T> T start(String part, Path tool, Path config, List<String> args, int port, Path logFile,
                       Duration timeout, BiFunction<ChildProcess, Path, T> wrap) {
        return start(part, tool, config, args, Map.of(), port, logFile, timeout, wrap);
    }

    /** As {@link #start(String, Path, Path, List, int, Path, Duration, BiFunction)}, with {@code env} added. */
    static <T> T start(String part, Path tool, Path config, List<String> args, Map<String, String> env, int port,
                       Path logFile, Duration timeout, BiFunction<ChildProcess, Path, T> wrap) {
        return ChildProcess.startOnPort(port, p -> {
            List<String> all = new ArrayList<>(List.of("--config.file=" + config.toAbsolutePath(),
                    "--web.listen-address=127.0.0.1:" + p));
            all.addAll(args);
            return wrap.apply(ChildProcess.start(part, GuardedProcess.command(tool, all), env, logFile, p,
                    URI.create("http://127.0.0.1:" + p + "/-/ready"), timeout,
                    tail -> tail.contains("address already in use")), config);
        });
    }
}
