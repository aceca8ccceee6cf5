package dev.salerush.env.alerting;

import dev.salerush.env.process.LaunchedProcess;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A part a drill stops and starts again (Alertmanager, the webhook stand-in): the first start picks a free port, and
 * every later start uses the same one, so the parts that send to it need no change. Thread-safe: starts and stops
 * are serialised, and the stack's poller uses the running process ({@link #ifRunning}) without waiting for a start.
 */
final class Restartable<T extends LaunchedProcess<?>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Restartable.class);

    private final String part;
    private final IntFunction<T> startOn;
    private final Consumer<T> beforeStop;
    private final Object lifecycle = new Object();
    private T running;
    private int port;

    /**
     * @param startOn    starts the part on a port (0 = a free one)
     * @param beforeStop what to do with the part just before it is stopped (e.g. read its last notices)
     */
    Restartable(String part, IntFunction<T> startOn, Consumer<T> beforeStop) {
        this.part = part;
        this.startOn = startOn;
        this.beforeStop = beforeStop;
    }

    /** Starts it (again, on its port) unless it runs; returns when it is ready. */
    T start() {
        synchronized (lifecycle) {
            T current = current();
            if (current != null) {
                return current;
            }
            // started outside this object's lock: the poller's ifRunning does not wait for a start
            T started = startOn.apply(port());
            synchronized (this) {
                if (port != 0) {
                    log.info("{} started again on port {}", part, port);
                }
                running = started;
                port = started.port();
            }
            return started;
        }
    }

    /** Stops it if it runs; returns when its port is free. */
    void stop() {
        synchronized (lifecycle) {
            T stopping;
            synchronized (this) {
                stopping = running;
                if (stopping == null) {
                    return;
                }
                beforeStop.accept(stopping);
                running = null;
            }
            stopping.close();
            log.info("{} stopped (port {})", part, port());
        }
    }

    private synchronized T current() {
        return running;
    }

    /** Runs {@code use} with the part if it runs (and keeps it running meanwhile). */
    synchronized void ifRunning(Consumer<T> use) {
        if (running != null) {
            use.accept(running);
        }
    }

    /** Its port (the same across restarts); 0 before the first start. */
    synchronized int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
