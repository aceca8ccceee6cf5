package dev.salerush.shop.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Orphan safety for child processes: exits the JVM (running its shutdown hooks) when the parent process is gone, even
 * if the parent died by SIGKILL. Two independent signals: EOF on stdin (the launcher keeps the pipe open; the kernel
 * closes it when the parent dies) and polling the parent's {@link ProcessHandle}.
 *
 * <p>Uses nothing but the JDK: it also runs inside the payment gateway process, whose classpath is the WireMock jar.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * @param parentPid  pid to watch (0 = don't)
     * @param stdinEof   exit on EOF of stdin
     * @param who        name used in the exit message
     */
    public static void start(long parentPid, boolean stdinEof, String who) {
        if (stdinEof) {
            daemon("parent-watch-stdin", () -> {
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                try {
                    while (in.read(buffer) >= 0) {
                        // The parent never writes; anything it does write is ignored.
                    }
                } catch (IOException e) {
                    // A broken pipe means the same as EOF.
                }
                exit(who, "stdin closed (parent gone or launcher closed it)");
            });
        }
        if (parentPid > 0) {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            if (parent.isEmpty() || !parent.get().isAlive()) {
                exit(who, "parent process " + parentPid + " is not running");
            }
            ProcessHandle handle = parent.get();
            daemon("parent-watch-pid", () -> {
                while (handle.isAlive()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                exit(who, "parent process " + parentPid + " exited");
            });
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void exit(String who, String why) {
        System.err.println(who + ": exiting because " + why);
        System.exit(0);
    }
}
