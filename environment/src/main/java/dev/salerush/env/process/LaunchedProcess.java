package dev.salerush.env.process;

import java.nio.file.Path;

/**
 * What the launcher of a child process sees of it: where it listens, its OS process and log, the settings it runs
 * with (with the real port), and a graceful {@link #close}. Subclasses add how their process is started.
 *
 * @param <S> the settings type of the process
 */
public abstract class LaunchedProcess<S> implements AutoCloseable {

    private final ChildProcess child;
    private final S settings;

    protected LaunchedProcess(ChildProcess child, S settings) {
        this.child = child;
        this.settings = settings;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + child.port();
    }

    public int port() {
        return child.port();
    }

    public long pid() {
        return child.pid();
    }

    public Path logFile() {
        return child.logFile();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /** The settings the process runs with (with the real port). */
    public S settings() {
        return settings;
    }

    public ProcessHandle processHandle() {
        return child.handle();
    }

    /** SIGKILL now (a crash drill); returns when the process is gone. {@link #close} is still safe afterwards. */
    public void kill() {
        child.kill();
    }

    /** Graceful stop (SIGTERM), SIGKILL after 5 s; returns when the port is free. Idempotent. */
    @Override
    public void close() {
        child.close();
    }
}
