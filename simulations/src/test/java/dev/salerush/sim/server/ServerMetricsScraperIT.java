package dev.salerush.sim.server;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import dev.salerush.sim.it.ItLanes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.env.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scraper against real parts: a Prometheus endpoint served by the JDK's HTTP server on 127.0.0.1, a closed port,
 * a slow endpoint, and an embedded PostgreSQL. No assertion depends on timing: each test waits (bounded) for the
 * samples it needs, then checks their content.
 */
@Order(ItLanes.LANE_TWO + 8)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class ServerMetricsScraperIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long WAIT_MILLIS = 20_000;

    final List<AutoCloseable> toClose = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void scrapesAnEndpointWithChangingCountersIntoSamplesRatesAggregatesAndAFile() throws Exception {
        // every scrape the shop has served 100 more requests, 10 of them 5xx; the breaker opens at the 3rd scrape
        AtomicInteger scrapes = new AtomicInteger();
        URI url = serve(200, () -> {
            int n = scrapes.incrementAndGet();
            return """
                    # TYPE process_cpu_usage gauge
                    process_cpu_usage{application="demo-shop"} %s
                    jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1000
                    jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} %d
                    jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 999999
                    http_server_requests_seconds_count{method="GET",route="/api/products",status="200"} %d
                    http_server_requests_seconds_count{method="POST",route="/api/orders",status="503"} %d
                    hikaricp_connections_active{pool="browse"} %d
                    hikaricp_connections_pending{pool="browse"} 0
                    resilience4j_circuitbreaker_state{name="payment",state="closed"} %s
                    resilience4j_circuitbreaker_state{name="payment",state="open"} %s
                    """.formatted(n / 10.0, n * 100, 90 * n, 10 * n, n, n >= 3 ? "0.0" : "1.0", n >= 3 ? "1.0" : "0.0");
        });
        Path file = dir.resolve("run/server-metrics.jsonl");
        ServerMetricsScraper scraper = ServerMetricsScraper.start(url, null, file, Duration.ofMillis(500));
        toClose.add(scraper);

        List<ServerSample> samples = awaitSamples(scraper, 4, s -> s.processCpu() != null);
        scraper.close();
        scraper.close(); // idempotent

        ServerSample first = samples.get(0);
        assertThat(first.requestRate()).as("no previous scrape").isNull();
        assertThat(first.heapUsedBytes()).isEqualTo(1000.0 + 100 * Math.round(first.processCpu() * 10));
        assertThat(first.poolActive()).containsKey("browse");
        assertThat(first.dbConnections()).as("no database given").isNull();
        List<ServerSample> withRates = samples.stream().filter(s -> s.requestRate() != null).toList();
        assertThat(withRates).isNotEmpty().allSatisfy(s -> {
            assertThat(s.requestRate()).isPositive();
            assertThat(s.serverErrorRate() / s.requestRate()).isCloseTo(0.1, within(1e-9));
        });
        assertThat(samples).extracting(ServerSample::breakerState).contains("closed", "open");

        ServerAggregate all = scraper.aggregate(0, Long.MAX_VALUE);
        List<ServerSample> kept = scraper.samples();
        assertThat(all.samples()).isEqualTo(kept.size());
        assertThat(all.processCpuMax()).isEqualTo(kept.stream().mapToDouble(ServerSample::processCpu).max().orElseThrow());
        assertThat(all.poolActiveMax().get("browse")).isEqualTo(kept.stream()
                .mapToDouble(s -> s.poolActive().get("browse")).max().orElseThrow());
        assertThat(all.breakerStates()).containsExactly("closed", "open");
        assertThat(all.dbConnectionsMax()).isNull();
        ServerSample second = kept.get(1);
        ServerAggregate justTheSecond = scraper.aggregate(second.epochMillis(), second.epochMillis() + 1);
        assertThat(justTheSecond.samples()).isEqualTo(1);
        assertThat(justTheSecond.processCpuMean()).isEqualTo(second.processCpu());
        assertThat(scraper.aggregate(0, first.epochMillis()).samples()).isZero();
        assertThat(scraper.problems()).containsExactly("database activity not measured: no database given");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(kept.size());
        assertThat(lines.stream().map(ServerMetricsScraperIT::parse).toList()).isEqualTo(kept);
        assertThat(lines.get(0)).doesNotContain("requestRate", "dbConnections");
    }

    @Test
    void anUnreachableEndpointAndDatabaseAreReportedAsSuchNeverAsZeros() throws Exception {
        int closedPort = freePort();
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/metrics");
        DatabaseSettings database = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/salerush",
                "salerush", "secret", List.of("127.0.0.1"));
        Path file = dir.resolve("server-metrics.jsonl");
        ServerMetricsScraper scraper = ServerMetricsScraper.start(url, database, file, Duration.ofMillis(200));
        toClose.add(scraper);

        awaitSamples(scraper, 3, s -> true);
        scraper.close();

        assertThat(scraper.samples()).allSatisfy(s -> assertThat(s).isEqualTo(new ServerSample(s.epochMillis(),
                null, null, null, null, null, null, null, null, null)));
        int n = scraper.samples().size();
        assertThat(scraper.problems()).containsExactlyInAnyOrder(
                "metrics endpoint " + url + " unreachable: ConnectException (" + n + " of " + n + " scrapes)",
                "database jdbc:postgresql://127.0.0.1:" + closedPort + "/salerush unreachable: PSQLException"
                        + " (Connection to 127.0.0.1:" + closedPort + " refused. Check that the hostname and port are"
                        + " correct and that the postmaster is accepting TCP/IP connections.) (" + n + " of " + n
                        + " polls)");
        assertThat(Files.readAllLines(file)).hasSize(n).allSatisfy(line ->
                assertThat(line).matches("\\{\"epochMillis\":\\d+}"));
        ServerAggregate aggregate = scraper.aggregate(0, Long.MAX_VALUE);
        assertThat(aggregate.samples()).isEqualTo(n);
        assertThat(aggregate.requestRateMean()).isNull();
        assertThat(aggregate.processCpuMax()).isNull();
        assertThat(aggregate.dbConnectionsMax()).isNull();
    }

    @Test
    void aSlowEndpointIsGivenUpAfterTheTimeoutWithoutPilingUpThreads() throws Exception {
        URI url = serve(0, () -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "process_cpu_usage 0.5\n";
        });
        ServerMetricsScraper scraper = ServerMetricsScraper.start(url, null, null, Duration.ofMillis(100));
        toClose.add(scraper);

        awaitSamples(scraper, 10, s -> true);
        long scraperThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("salerush-server-metrics")).count();
        scraper.close();

        assertThat(scraperThreads).isLessThanOrEqualTo(3); // the ticker and the HTTP client's two
        assertThat(scraper.samples()).extracting(ServerSample::processCpu).containsOnlyNulls();
        assertThat(scraper.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("metrics endpoint " + url + " unreachable: HttpTimeoutException"));
    }

    @Test
    void countsThePostgresSessionsOfTheTargetDatabase() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start();
        toClose.add(db);
        Connection held = db.connect();
        toClose.add(held);
        DatabaseSettings settings = new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), List.of("127.0.0.1"));
        ServerMetricsScraper scraper = ServerMetricsScraper.start(null, settings, dir.resolve("m.jsonl"),
                Duration.ofMillis(200));
        toClose.add(scraper);

        ServerSample idle = awaitSamples(scraper, 1, s -> s.dbConnections() != null).get(0);
        CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
            try (Statement st = held.createStatement()) {
                st.execute("SELECT pg_sleep(1.5)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<ServerSample> busy = awaitSamples(scraper, 1, s -> s.dbActive() != null && s.dbActive() >= 1);
        sleeping.join();
        scraper.close();

        assertThat(idle.dbConnections()).isGreaterThanOrEqualTo(1); // the held connection; the scraper's own excluded
        assertThat(idle.dbActive()).isNotNull();
        assertThat(busy).isNotEmpty();
        assertThat(idle.processCpu()).isNull();
        assertThat(scraper.aggregate(0, Long.MAX_VALUE).dbActiveMax()).isGreaterThanOrEqualTo(1.0);
        assertThat(scraper.problems()).containsExactly("target metrics not measured: no metrics endpoint given");
    }

    @Test
    void aDatabaseOnAHostThatIsNotAllowedIsNeverContacted() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.example.com:5432/shop?password=x",
                "salerush", "", List.of("127.0.0.1"));
        ServerMetricsScraper scraper = ServerMetricsScraper.start(null, settings, null, Duration.ofMillis(100));
        toClose.add(scraper);

        awaitSamples(scraper, 2, s -> true);
        scraper.close();

        assertThat(scraper.samples()).extracting(ServerSample::dbConnections).containsOnlyNulls();
        assertThat(scraper.problems()).hasSize(2).anySatisfy(p -> assertThat(p)
                .startsWith("database activity not measured, not connecting to jdbc:postgresql://db.example.com:5432/shop:")
                .contains("db.readHosts").doesNotContain("password=x"));
    }

    /** Waits (at most {@link #WAIT_MILLIS}) until {@code count} kept samples satisfy {@code wanted}; returns those. */
    static List<ServerSample> awaitSamples(ServerMetricsScraper scraper, int count, Predicate<ServerSample> wanted) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<ServerSample> matching = scraper.samples().stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            assertThat(System.currentTimeMillis()).as("samples so far: %s; problems: %s", scraper.samples(),
                    scraper.problems()).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private URI serve(int status, java.util.function.Supplier<String> body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(status == 0 ? 200 : status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException ignored) {
                // the client gave up (slow endpoint)
            }
        });
        server.start();
        toClose.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ServerSample parse(String line) {
        try {
            return JSON.readValue(line, ServerSample.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
