package dev.salerush.env.alerting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blackbox exporter in this JVM: {@code GET /metrics} on 127.0.0.1 runs every {@link Probe} (in parallel, each
 * bounded to {@value #PROBE_BOUND_MS} ms so a hung target cannot outlast a 1 s scrape) and answers in the Prometheus
 * text format {@code salerush_probe_up{target="db"} 1} and {@code salerush_probe_duration_seconds{target="db"} 0.004}.
 * Probing on each scrape (not on a timer) means the value Prometheus stores is as fresh as its scrape.
 */
public final class ProbeExporter implements AutoCloseable {

    static final long PROBE_BOUND_MS = 800;
    private static final Logger log = LoggerFactory.getLogger(ProbeExporter.class);

    private final List<Probe> probes;
    private final HttpServer server;
    private final ExecutorService probing;

    private ProbeExporter(List<Probe> probes, HttpServer server, ExecutorService probing) {
        this.probes = probes;
        this.server = server;
        this.probing = probing;
    }

    /** Starts serving on 127.0.0.1 and a free port. */
    public static ProbeExporter start(List<Probe> probes) {
        ExecutorService probing = Executors.newCachedThreadPool(daemon("salerush-probe"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ProbeExporter exporter = new ProbeExporter(List.copyOf(probes), server, probing);
            server.createContext("/metrics", exporter::serve);
            server.setExecutor(Executors.newFixedThreadPool(2, daemon("salerush-probe-exporter")));
            server.start();
            return exporter;
        } catch (IOException e) {
            probing.shutdownNow();
            throw new IllegalStateException("cannot start the probe exporter on 127.0.0.1: " + e, e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:<port>}: the scrape target. */
    public String target() {
        return "127.0.0.1:" + port();
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = render().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** One scrape's answer: every probe run now. */
    String render() {
        List<Future<Result>> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Probe probe : probes) {
            running.add(probing.submit(() -> run(probe)));
        }
        StringBuilder up = new StringBuilder("# HELP salerush_probe_up Whether the target answered the probe (1) or not (0).\n"
                + "# TYPE salerush_probe_up gauge\n");
        StringBuilder duration = new StringBuilder("# HELP salerush_probe_duration_seconds How long the probe took.\n"
                + "# TYPE salerush_probe_duration_seconds gauge\n");
        for (int i = 0; i < probes.size(); i++) {
            String target = probes.get(i).name().replace("\\", "\\\\").replace("\"", "\\\"");
            Result result;
            try {
                long left = PROBE_BOUND_MS - (System.nanoTime() - t0) / 1_000_000;
                result = running.get(i).get(Math.max(1, left), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                running.get(i).cancel(true);
                result = new Result(false, PROBE_BOUND_MS * 1_000_000);
                log.debug("probe {} took longer than {} ms", target, PROBE_BOUND_MS);
            } catch (Exception e) {
                result = new Result(false, System.nanoTime() - t0);
            }
            up.append("salerush_probe_up{target=\"").append(target).append("\"} ").append(result.up() ? 1 : 0)
                    .append('\n');
            duration.append("salerush_probe_duration_seconds{target=\"").append(target).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", result.nanos() / 1e9)).append('\n');
        }
        return up.append(duration).toString();
    }

    private record Result(boolean up, long nanos) {
    }

    private static Result run(Probe probe) {
        long t0 = System.nanoTime();
        try {
            probe.check();
            return new Result(true, System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("probe {} down: {}", probe.name(), e.toString());
        }
        return new Result(false, System.nanoTime() - t0);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        probing.shutdownNow();
    }
}
