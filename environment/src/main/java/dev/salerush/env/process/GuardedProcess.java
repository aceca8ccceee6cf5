package dev.salerush.env.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A native tool (HAProxy, Prometheus, Alertmanager) run as a child process under a {@code sh} stdin guard, so that it
 * dies with its parent JVM even when that is SIGKILLed: native tools do not watch their stdin the way the suite's own
 * JVM children do.
 *
 * <p>{@link #command} is {@code sh -c GUARD tool args...}: the shell forks a watcher that reads the stdin pipe and
 * sends SIGTERM at EOF, then {@code exec}s into the tool (so the JVM's child is the tool itself). The parent JVM holds
 * the pipe's other end; when it dies the kernel closes it.
 *
 * <p>{@link #close}: SIGTERM to the tool, SIGKILL after 5 s, then everything that was below it (its workers, the
 * guard's watcher, whose command line still names the tool) is waited for and killed if still there, so no process
 * matching the tool's name is left once close returns. Idempotent and synchronized.
 *
 * @param <S> the settings type of the process
 */
public abstract class GuardedProcess<S> extends LaunchedProcess<S> {

    /**
     * {@code $0} is the tool, {@code "$@"} its arguments. The watcher reads a duplicate of stdin (fd 3): a background
     * list of a non-interactive shell gets /dev/null as stdin. {@code $$} in the subshell is the shell's pid, which
     * becomes the tool's with {@code exec}.
     */
    public static final String GUARD = "exec 3<&0; (cat <&3 >/dev/null; kill -TERM $$ 2>/dev/null) & exec \"$0\" \"$@\"";
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final AtomicBoolean closed = new AtomicBoolean();

    protected GuardedProcess(ChildProcess child, S settings) {
        super(child, settings);
    }

    /** The command that runs {@code tool} with {@code args} under the stdin guard. */
    public static List<String> command(Path tool, List<String> args) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, tool.toString()));
        command.addAll(args);
        return command;
    }

    /** The tool and everything below it (workers, the guard's watcher), the tool first. */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle tool = processHandle();
        tree.add(tool);
        tool.descendants().forEach(tree::add);
        return tree;
    }

    /** SIGKILL to the tool and everything below it (a crash drill); {@link #close} is still safe afterwards. */
    @Override
    public void kill() {
        List<ProcessHandle> below = processHandle().descendants().toList();
        super.kill();
        below.forEach(ProcessHandle::destroyForcibly);
        awaitGone(below, GRACE);
    }

    @Override
    public synchronized void close() {
        // synchronized: a second caller (cleanup and a shutdown hook at once) returns only when the first is done
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> below = processHandle().descendants().toList();
        super.close(); // SIGTERM, SIGKILL after 5 s, stdin closed (the watcher ends), its port free
        if (!awaitGone(below, GRACE)) {
            below.forEach(ProcessHandle::destroyForcibly);
            awaitGone(below, GRACE);
        }
        afterClose();
    }

    /** Runs once at the end of {@link #close}, e.g. to wait for further ports to be free. */
    protected void afterClose() {
    }

    private static boolean awaitGone(List<ProcessHandle> handles, Duration timeout) {
        return Await.until(() -> handles.stream().noneMatch(ProcessHandle::isAlive), timeout, 20);
    }
}
