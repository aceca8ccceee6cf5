package dev.salerush.env.process;

import dev.salerush.seeder.process.SuiteProcesses;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One child process (a JVM, or a native tool such as HAProxy): started with its output appended to a log file, waited
 * for until its health URL answers 200, and closed gracefully (SIGTERM, then SIGKILL after a grace period) until its
 * port is free again. Open children are closed by a JVM shutdown hook of the parent; if the parent dies without
 * running hooks, the child's {@link ParentWatch} ends it (the launcher keeps the child's stdin pipe open for exactly
 * that; a native child needs its own stdin guard, see {@code HaproxyProcess}).
 */
public final class ChildProcess implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;
    private static final int PORT_ATTEMPTS = 3;
    private static final Set<ChildProcess> RUNNING = Collections.synchronizedSet(new LinkedHashSet<>());
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final int port;
    private final Path logFile;
    private final long logOffset;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean wasHealthy;

    /** Thrown when the child died because its port was taken; callers that picked the port retry with another. */
    static final class PortTakenException extends LaunchException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code startOn} with {@code requestedPort}; port 0 picks a free port instead, and picks again (up to
     * {@value #PORT_ATTEMPTS} times) when another process takes it before the child binds it.
     *
     * @throws PortTakenException the port was taken (on the last attempt)
     */
    public static <T> T startOnPort(int requestedPort, IntFunction<T> startOn) {
        boolean pickPort = requestedPort == 0;
        PortTakenException last = null;
        for (int attempt = 1; attempt <= (pickPort ? PORT_ATTEMPTS : 1); attempt++) {
            int port = pickPort ? FreePorts.pick() : requestedPort;
            try {
                return startOn.apply(port);
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    private ChildProcess(String name, Process process, int port, Path logFile, long logOffset) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.port = port;
        this.logFile = logFile;
        this.logOffset = logOffset;
    }

    /**
     * Starts the command and waits until {@code healthUri} answers 200.
     *
     * @param portTaken recognises, from the log of a child that died, that its port was taken
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> extraEnv, Path logFile,
                              int port, URI healthUri, Duration timeout, Predicate<String> portTaken) {
        installShutdownHook();
        long offset;
        try {
            Path dir = logFile.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            String header = "=== " + Instant.now() + " starting " + name + " on 127.0.0.1:" + port + " ===\n";
            offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, header, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LaunchException("cannot write the log file " + logFile + " of " + name + ": " + e, e);
        }
        ProcessBuilder builder = SuiteProcesses.builder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LaunchException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(name, process, port, logFile, offset);
        RUNNING.add(child);
        try {
            child.awaitHealthy(healthUri, timeout, portTaken);
            return child;
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    private void awaitHealthy(URI healthUri, Duration timeout, Predicate<String> portTaken) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail();
                String message = name + " exited with code " + process.exitValue() + " before it became healthy ("
                        + healthUri + "); log " + logFile.toAbsolutePath() + " ends with:\n" + tail;
                if (portTaken.test(tail)) {
                    throw new PortTakenException(message);
                }
                throw new LaunchException(message);
            }
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    wasHealthy = true;
                    return;
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + name + " to become healthy", e);
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchException(name + " did not become healthy within " + timeout.toSeconds() + " s ("
                        + healthUri + ": " + lastProblem + "); log " + logFile.toAbsolutePath() + " ends with:\n"
                        + logTail());
            }
            sleep(100);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The last lines this child wrote to its log (only this run's part of an appended file). */
    String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(logOffset, length - 16_384);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            List<String> tail = new ArrayList<>();
            for (int i = Math.max(0, lines.length - LOG_TAIL_LINES); i < lines.length; i++) {
                tail.add("    | " + lines[i]);
            }
            return String.join("\n", tail);
        } catch (IOException e) {
            return "    (cannot read " + logFile + ": " + e + ")";
        }
    }

    /**
     * SIGKILL now, without a grace period (a crash drill), and waits until the process is gone. Its stdin stays open
     * and it stays registered: {@link #close} afterwards (or the shutdown hook) still releases what is left.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM, SIGKILL after {@link #GRACE}, then waits until the port is free. Idempotent; synchronized so that a
     * second caller (the run's cleanup and the shutdown hook run at once on SIGTERM) returns only once it is done.
     */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RUNNING.remove(this);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone with the child.
        }
        if (port > 0 && wasHealthy) {
            // Only a child that listened frees its port; after a failed start another process may own the port.
            FreePorts.awaitFree(port, GRACE);
        }
    }

    private static void installShutdownHook() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::closeAll, "salerush-child-processes"));
        }
    }

    /** Closes every open child, the most recently started first. */
    static void closeAll() {
        List<ChildProcess> open;
        synchronized (RUNNING) {
            open = new ArrayList<>(RUNNING);
        }
        Collections.reverse(open);
        for (ChildProcess child : open) {
            child.close();
        }
    }

    static Path javaExecutable() {
        String exe = System.getProperty("os.name", "").toLowerCase().contains("win") ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", exe);
    }

    /**
     * The start of a child's java command: the JVM, its heap limit and exit on OOM (a child in a broken state should
     * not linger), then {@code systemProperties} and the extra JVM arguments of the options; the classpath, main
     * class and program arguments follow.
     */
    public static List<String> javaCommand(ProcessOptions options, List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        if (options.heap() != null && !options.heap().isEmpty()) {
            command.add("-Xmx" + options.heap());
        }
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(systemProperties);
        command.addAll(options.jvmArgs());
        return command;
    }

    /**
     * {@code -cp <classpath>}; a very long classpath goes into a JDK argument file instead, because a single
     * command-line argument is limited to 128 KiB on Linux.
     */
    public static List<String> classpathArgs(String classpath, Path argFileDir, String stem) {
        if (classpath.length() < 100_000) {
            return List.of("-cp", classpath);
        }
        try {
            Files.createDirectories(argFileDir);
            Path argFile = argFileDir.resolve(stem + ".classpath.args");
            String escaped = classpath.replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(argFile, "-cp \"" + escaped + "\"\n", StandardCharsets.UTF_8);
            return List.of("@" + argFile.toAbsolutePath());
        } catch (IOException e) {
            throw new LaunchException("cannot write the classpath argument file: " + e, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }
}
