package dev.salerush.env.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a run has started, stopped in reverse order exactly once: on normal completion, on a failed start, and
 * from the JVM shutdown hook on Ctrl-C or a crash. A part is registered the moment it is started, so nothing that
 * was started can be missed.
 */
public final class Cleanup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Cleanup.class);

    private final Deque<Named> started = new ArrayDeque<>();

    private record Named(String name, AutoCloseable resource) {
    }

    /** Registers a started part; returns it for chaining. */
    public synchronized <T extends AutoCloseable> T register(String name, T resource) {
        started.push(new Named(name, resource));
        return resource;
    }

    /** Stops every registered part, newest first; failures are logged and do not stop the others. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            Named part = started.pop();
            try {
                part.resource().close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", part.name(), e.toString());
            }
        }
    }
}
