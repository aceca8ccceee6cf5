package dev.salerush.sim.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test target with a known service time, run as its own process: {@code GET /fixed} answers after exactly
 * {@code delayMillis} of sleep with enough threads that nothing ever queues, {@code GET /served} tells how many
 * /fixed requests it answered, {@code GET /health} answers 200. It prints its port on stdout and exits when its
 * stdin closes (so it cannot outlive the test that started it).
 */
public final class FixedDelayServer {
    private FixedDelayServer() {
    }

    public static void main(String[] args) throws IOException {
        long delayMillis = Long.parseLong(args[0]);
        AtomicLong served = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(200));
        server.createContext("/fixed", exchange -> {
            sleep(delayMillis);
            served.incrementAndGet();
            respond(exchange, "{\"ok\":true}");
        });
        server.createContext("/served", exchange -> respond(exchange, String.valueOf(served.get())));
        server.createContext("/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close our stdin
        }
        server.stop(0);
        System.exit(0);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
