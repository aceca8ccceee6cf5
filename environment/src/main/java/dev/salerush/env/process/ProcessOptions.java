package dev.salerush.env.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a child process is run.
 *
 * @param logFile        the child's stdout and stderr are appended here (never to the parent's console)
 * @param startupTimeout how long to wait for the child to become healthy
 * @param heap           -Xmx of the child, e.g. "512m"; null or empty = JVM default
 * @param jvmArgs        extra JVM arguments
 */
public record ProcessOptions(Path logFile, Duration startupTimeout, String heap, List<String> jvmArgs) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);

    public ProcessOptions {
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        if (heap != null && !heap.isEmpty() && !heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("heap must look like 512m or 2g, got " + heap);
        }
    }

    public static ProcessOptions of(Path logFile) {
        return new ProcessOptions(logFile, DEFAULT_STARTUP_TIMEOUT, null, List.of());
    }

    public ProcessOptions withStartupTimeout(Duration timeout) {
        return new ProcessOptions(logFile, timeout, heap, jvmArgs);
    }

    public ProcessOptions withHeap(String newHeap) {
        return new ProcessOptions(logFile, startupTimeout, newHeap, jvmArgs);
    }

    public ProcessOptions withJvmArgs(List<String> args) {
        return new ProcessOptions(logFile, startupTimeout, heap, args);
    }
}
