package dev.salerush.env.demo;

import dev.salerush.env.process.ChildClasspath;
import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.ProcessOptions;
import dev.salerush.shop.gateway.PaymentGatewayMain;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * WireMock standalone as its own OS process on 127.0.0.1: what the payment gateway and the alerting stack's webhook
 * stand-in share. The classpath is the wiremock-standalone jar plus demo-shop's own classes (for the orphan-safe
 * {@link PaymentGatewayMain}: the process exits when its stdin reaches EOF or the parent pid is gone); nothing else.
 * Its stubs are the JSON files in {@code <root>/mappings}.
 */
public final class WiremockLauncher {

    private WiremockLauncher() {
    }

    /**
     * Starts WireMock on {@code requestedPort} (0 = a free one, picked again on a bind race) with {@code rootDir} and
     * {@code extraArgs}, waits until {@code /__admin/health} answers 200 and wraps the child.
     *
     * @param part how messages and the log header name it, e.g. "payment gateway"
     * @param wrap makes the launcher's object from the child and its real port
     * @throws LaunchException it exited or did not become healthy in time; the message has its log tail
     */
    public static <T> T start(String part, int requestedPort, Path rootDir, ProcessOptions options,
                              List<String> extraArgs, BiFunction<ChildProcess, Integer, T> wrap) {
        String classpath = ChildClasspath.join(
                ChildClasspath.onlyLocationsOf(wiremock.Run.class, PaymentGatewayMain.class));
        return ChildProcess.startOnPort(requestedPort, port -> {
            List<String> command = ChildProcess.javaCommand(options, List.of(
                    "-D" + PaymentGatewayMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid(),
                    "-D" + PaymentGatewayMain.STDIN_EOF_PROPERTY + "=true"));
            command.addAll(List.of("-cp", classpath, PaymentGatewayMain.class.getName()));
            command.addAll(List.of(
                    "--port", Integer.toString(port),
                    "--bind-address", "127.0.0.1",
                    "--root-dir", rootDir.toString(),
                    "--disable-banner"));
            command.addAll(extraArgs);
            ChildProcess child = ChildProcess.start(part, command, Map.of(), options.logFile(),
                    port, URI.create("http://127.0.0.1:" + port + "/__admin/health"), options.startupTimeout(),
                    tail -> tail.contains("Address already in use") || tail.contains("BindException")
                            || tail.contains("Failed to bind"));
            return wrap.apply(child, port);
        });
    }

    /** The root directory next to the log file: {@code <log name without extension>-wiremock}. */
    public static Path rootDir(ProcessOptions options) {
        Path log = options.logFile().toAbsolutePath();
        String stem = log.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return log.getParent().resolve(stem + "-wiremock");
    }

    /**
     * Creates {@code <root>/mappings} and {@code <root>/__files} and empties {@code mappings} (stubs of an earlier
     * run must not come back); returns the mappings directory.
     */
    public static Path emptyMappings(Path rootDir) {
        Path mappings = rootDir.resolve("mappings");
        try {
            Files.createDirectories(mappings);
            Files.createDirectories(rootDir.resolve("__files"));
            List<Path> old = new ArrayList<>();
            try (var files = Files.list(mappings)) {
                files.forEach(old::add);
            }
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
            return mappings;
        } catch (IOException e) {
            throw new LaunchException("cannot prepare the WireMock stubs under " + rootDir + ": " + e, e);
        }
    }
}
