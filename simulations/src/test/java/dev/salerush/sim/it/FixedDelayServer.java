package dev.salerush.sim.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A test target with a known service time, run as its own process: {@code GET /fixed} answers after exactly
 * {@code delayMillis} (sleep, then a spin for the last milliseconds, since sleep alone overshoots by 1–3 ms
 * here), {@code GET /served} tells how many /fixed requests it answered and the percentiles of the time it took to
 * serve them, as it measured itself (requests marked {@code warmup=true} are only counted, apart), {@code GET /health} answers 200. One thread per connection, so nothing ever queues, and a minimal HTTP/1.1 implementation with no
 * framework overhead (the JDK's HttpServer alone adds ~5 ms per response, which would blur the reference).
 * Given a worker count as second argument it becomes a target of known capacity (workers / service time): requests
 * beyond it queue, and {@code meanServiceMicros} tells the service time it really took.
 * {@code GET /slow?ms=M&shard=S} makes the /fixed requests that carry {@code shard=S} take M ms longer from then on (a
 * slowdown one shard of a sharded run sees).
 * It prints its port on stdout and exits when its stdin closes, so it cannot outlive the test that started it.
 */
public final class FixedDelayServer {
    /** Sleep wakes up late by a few ms on a busy 2-core machine: sleep until this close, then spin. */
    private static final long SPIN_MILLIS = 5;
    private static final Recorder SERVICE_MICROS = new Recorder(3);
    private static final Histogram SERVED = new Histogram(3);
    private static final java.util.concurrent.atomic.AtomicLong WARMUP_SERVED = new java.util.concurrent.atomic.AtomicLong();

    private FixedDelayServer() {
    }

    /** With a worker count, at most that many requests are served at once; the others queue (a capacity-limited target). */
    private static java.util.concurrent.Semaphore workers;
    /** The slowdown set by /slow: extra ms for the requests of one shard ({@code shard=<index>}), none while null. */
    private static volatile String slowShard;
    private static volatile long slowExtraMillis;
    private static final java.util.concurrent.atomic.LongAdder SERVICE_MICROS_TOTAL = new java.util.concurrent.atomic.LongAdder();

    public static void main(String[] args) throws IOException {
        long delayMillis = Long.parseLong(args[0]);
        if (args.length > 1) {
            workers = new java.util.concurrent.Semaphore(Integer.parseInt(args[1]), true);
        }
        ServerSocket server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(server, delayMillis), "acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println(server.getLocalPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close our stdin
        }
        System.exit(0);
    }

    private static void accept(ServerSocket server, long delayMillis) {
        while (true) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread connection = new Thread(() -> serve(socket, delayMillis));
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Waits for a free worker (queueing), then holds it for the service time; plain sleep, so no core spins. */
    private static void serveWithWorker(long delayMillis) {
        try {
            workers.acquire();
            try {
                long start = System.nanoTime();
                Thread.sleep(delayMillis);
                SERVICE_MICROS_TOTAL.add((System.nanoTime() - start) / 1000);
            } finally {
                workers.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(long deadlineNanos) {
        long sleepMillis = (deadlineNanos - System.nanoTime()) / 1_000_000 - SPIN_MILLIS;
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (System.nanoTime() < deadlineNanos) {
            Thread.onSpinWait();
        }
    }

    private static synchronized String served() {
        SERVED.add(SERVICE_MICROS.getIntervalHistogram());
        return "{\"served\":" + SERVED.getTotalCount() + ",\"warmupServed\":" + WARMUP_SERVED.get() + ",\"p50Micros\":" + SERVED.getValueAtPercentile(50)
                + ",\"p95Micros\":" + SERVED.getValueAtPercentile(95)
                + ",\"meanServiceMicros\":" + (SERVED.getTotalCount() == 0 ? 0 : SERVICE_MICROS_TOTAL.sum() / SERVED.getTotalCount())
                + "}";
    }

    private static String query(String path, String name) {
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(path + " has no " + name);
    }

    /** Answers requests on one keep-alive connection until the client closes it. */
    private static void serve(Socket socket, long delayMillis) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            for (String requestLine = in.readLine(); requestLine != null; requestLine = in.readLine()) {
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // GET requests only: skip the headers
                }
                long start = System.nanoTime();
                String path = requestLine.split(" ")[1];
                String body;
                boolean fixed = path.startsWith("/fixed");
                if (fixed && workers != null) {
                    serveWithWorker(delayMillis);
                    body = "{\"ok\":true}";
                } else if (fixed) {
                    String slowed = slowShard;
                    long extra = slowed != null && path.contains("?") && path.contains("shard=")
                            && slowed.equals(query(path, "shard")) ? slowExtraMillis : 0;
                    waitUntil(start + (delayMillis + extra) * 1_000_000);
                    body = "{\"ok\":true}";
                } else if (path.startsWith("/slow")) {
                    slowExtraMillis = Long.parseLong(query(path, "ms"));
                    slowShard = query(path, "shard");
                    body = "{\"ok\":true}";
                } else if (path.startsWith("/served")) {
                    body = served();
                } else {
                    body = "{\"status\":\"UP\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                if (fixed && path.contains("warmup=true")) {
                    WARMUP_SERVED.incrementAndGet();
                } else if (fixed) {
                    SERVICE_MICROS.recordValue((System.nanoTime() - start) / 1000);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }
}
