package dev.salerush.env.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny backend in the test JVM for the load balancer: {@code /health} answers 200, {@code /api/...} answers its
 * name (or {@link #apiStatus} when set to an error), {@code /api/slow} holds the request {@link #slowMillis} first.
 * Counts the API requests that arrive, by method. {@link #resetting} makes a raw-socket variant that answers
 * {@code /health} but resets the connection (RST) on every API request.
 */
final class LoopbackBackend implements AutoCloseable {

    static {
        // Small responses without Nagle delays (read when the first HttpServer is created).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final String name;
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger posts = new AtomicInteger();
    volatile int apiStatus = 200;
    volatile long slowMillis = 1_500;
    private final HttpServer server;
    private final ServerSocket raw;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backend");
        t.setDaemon(true);
        return t;
    });

    private LoopbackBackend(String name, boolean resetting) throws IOException {
        this.name = name;
        if (resetting) {
            server = null;
            raw = new ServerSocket();
            raw.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            executor.execute(this::acceptRaw);
        } else {
            raw = null;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(executor);
            server.createContext("/health", ex -> answer(ex, 200, "ok"));
            server.createContext("/api", this::api);
            server.start();
        }
    }

    static LoopbackBackend start(String name) throws IOException {
        return new LoopbackBackend(name, false);
    }

    static LoopbackBackend resetting(String name) throws IOException {
        return new LoopbackBackend(name, true);
    }

    int port() {
        return server != null ? server.getAddress().getPort() : raw.getLocalPort();
    }

    int arrivals() {
        return gets.get() + posts.get();
    }

    private void api(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        (ex.getRequestMethod().equals("POST") ? posts : gets).incrementAndGet();
        if (ex.getRequestURI().getPath().equals("/api/slow")) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = apiStatus;
        answer(ex, status, status == 200 ? name : "failing " + name);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void acceptRaw() {
        while (!raw.isClosed()) {
            try {
                Socket s = raw.accept();
                executor.execute(() -> serveRaw(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveRaw(Socket s) {
        try (s) {
            String head = readHead(s.getInputStream());
            if (head.startsWith("GET /health")) {
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (head.isEmpty()) {
                return;
            }
            (head.startsWith("POST ") ? posts : gets).incrementAndGet();
            s.setSoLinger(true, 0); // close() sends RST
        } catch (IOException e) {
            // The peer went away.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    /** Stops listening at once: new connections are refused. */
    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        } else {
            try {
                raw.close();
            } catch (IOException e) {
                // closed
            }
        }
        executor.shutdownNow();
    }
}
