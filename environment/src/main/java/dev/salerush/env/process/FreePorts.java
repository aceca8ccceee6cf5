package dev.salerush.env.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Free-port helpers on 127.0.0.1. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago (another process may still take it: callers retry on a bind failure). */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Whether nothing listens on 127.0.0.1:port (a TIME_WAIT connection does not count). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the port is free; returns whether it became free in time. */
    public static boolean awaitFree(int port, Duration timeout) {
        return Await.until(() -> isFree(port), timeout, 50);
    }
}
