package dev.salerush.sim.staging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The staging's HTTP endpoint on 127.0.0.1 (a free port): {@code POST /ops} with one operation as a plain-text body
 * performs it through the {@link OpsDesk} and answers when it is done; {@code GET /ops} (and {@code GET /info})
 * answers the info JSON as last refreshed ({@link InfoFile#json()}: at most a second old, and during an operation as
 * before it). Requests are served on a few threads, so the info is answered at once while an operation runs; the desk
 * serialises the operations.
 */
final class OpsEndpoint implements AutoCloseable {
    static final String OPS_PATH = "/ops";
    static final String INFO_PATH = "/info";
    /** The most a request body may hold: one operation is a few dozen bytes. */
    private static final int MAX_BODY = 4096;
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;

    private OpsEndpoint(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Serves on a free port of 127.0.0.1 until closed. */
    static OpsEndpoint start(OpsDesk desk, Supplier<String> infoJson) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            AtomicInteger count = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "salerush-staging-ops-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/", exchange -> handle(exchange, desk, infoJson));
            server.start();
            return new OpsEndpoint(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("the staging's ops endpoint could not listen on 127.0.0.1: " + e, e);
        }
    }

    /** {@code http://127.0.0.1:<port>/ops} */
    URI opsUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + OPS_PATH);
    }

    private static void handle(HttpExchange exchange, OpsDesk desk, Supplier<String> infoJson) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean ops = OPS_PATH.equals(path);
            if (!ops && !INFO_PATH.equals(path)) {
                send(exchange, 404, "text/plain", "no such path: POST " + OPS_PATH + " performs one operation, GET "
                        + OPS_PATH + " or GET " + INFO_PATH + " answers the staging's info\n");
            } else if ("GET".equals(method)) {
                String json = infoJson.get();
                if (json == null) {
                    send(exchange, 503, "text/plain", "the staging is not ready yet\n");
                } else {
                    send(exchange, 200, "application/json", json);
                }
            } else if (ops && "POST".equals(method)) {
                String body = readBody(exchange);
                OpsDesk.Answer answer = body == null
                        ? new OpsDesk.Answer(413, "one operation is a few dozen bytes, this body has more than "
                                + MAX_BODY)
                        : desk.perform(body);
                send(exchange, answer.status(), "text/plain", answer.text() + "\n");
            } else {
                exchange.getResponseHeaders().set("Allow", ops ? "GET, POST" : "GET");
                send(exchange, 405, "text/plain", method + " is not allowed on " + path + " (" + (ops ? "GET, POST"
                        : "GET") + ")\n");
            }
        } catch (RuntimeException e) {
            // the answer to a request that broke something here, rather than a dropped connection
            try {
                send(exchange, 500, "text/plain", "failed: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // the headers were sent already: nothing more can be said
            }
        }
    }

    /** The body as text; null when it is longer than {@link #MAX_BODY}. */
    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening at once (its port is free when this returns); an operation in progress is not waited for. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
