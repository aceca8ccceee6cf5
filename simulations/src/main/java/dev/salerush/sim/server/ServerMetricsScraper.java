package dev.salerush.sim.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.sim.config.MetricsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-side metrics beside the client's: while a run is active, one daemon thread scrapes the target's Prometheus
 * endpoint every interval and, when a database is given (and its host is in {@code db.readHosts}), counts its
 * sessions in {@code pg_stat_activity}. Every scrape becomes one {@link ServerSample}, appended as a JSON line to the
 * time series file and flushed at once (a killed run keeps what it had), and kept in memory for
 * {@link #aggregate(long, long)}.
 *
 * <p><b>Never zeros for unknown.</b> What was not measured is {@code null} in the sample and the aggregate, and
 * {@link #problems()} says why and how often.
 *
 * <p><b>Bounded.</b> One thread; a scrape or poll that has not finished after 80 % of the interval is given up (the
 * HTTP request is cancelled, the database's {@code statement_timeout} cancels the query), and a tick that comes
 * less than half an interval after the previous one (after a stall) is skipped, so nothing piles up. Memory: the
 * last {@value #MAX_SAMPLES_IN_MEMORY} samples (24 h at a 1 s interval, 2.4 h at 100 ms; roughly 30 MB at most);
 * older ones stay in the file only, and an aggregate over a window that starts before the oldest kept sample covers
 * only the kept part of it (logged once).
 */
public final class ServerMetricsScraper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerMetricsScraper.class);

    /** Samples kept in memory for aggregates: 24 h at a 1 s interval. */
    public static final int MAX_SAMPLES_IN_MEMORY = 86_400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final URI endpoint;
    private final Duration interval;
    private final Duration timeout;
    private final Problems problems = new Problems();
    private final MetricsInterpreter interpreter;
    private final DatabaseActivity database;
    private final HttpClient http;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService ticker;
    private final ArrayDeque<ServerSample> samples = new ArrayDeque<>();
    private final Object fileLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Path timeSeriesFile;
    private Writer file;
    private long evicted;
    private long lastTickNanos;
    private boolean partialWindowLogged;

    private ServerMetricsScraper(URI endpoint, DatabaseSettings database, Path timeSeriesFile, Duration interval,
                                 MetricsSettings.Names names) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.endpoint = endpoint;
        this.interval = interval;
        this.timeout = MetricsSettings.scrapeTimeout(interval);
        this.interpreter = new MetricsInterpreter(names == null ? MetricsSettings.Names.DEFAULTS : names);
        this.timeSeriesFile = timeSeriesFile;
        if (endpoint == null) {
            problems.note("target metrics not measured: no metrics endpoint given");
            this.http = null;
            this.httpExecutor = null;
        } else {
            this.httpExecutor = Executors.newFixedThreadPool(2, daemon("salerush-server-metrics-http-"));
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .executor(httpExecutor).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        this.database = new DatabaseActivity(database, timeout, problems);
        this.file = openFile(timeSeriesFile);
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("salerush-server-metrics-"));
    }

    /**
     * Starts scraping now and every {@code interval}, with the demo shop's metric names.
     *
     * @param prometheusUrl  the Prometheus endpoint, or {@code null} if there is none (endpoint fields stay null)
     * @param database       the database to count sessions of, or {@code null} if not reachable/configured
     * @param timeSeriesFile the JSON lines file (created or truncated), or {@code null} for memory only
     * @param interval       time between scrapes; each scrape may take 80 % of it
     */
    public static ServerMetricsScraper start(URI prometheusUrl, DatabaseSettings database, Path timeSeriesFile,
                                             Duration interval) {
        return start(prometheusUrl, database, timeSeriesFile, interval, MetricsSettings.Names.DEFAULTS);
    }

    /** As {@link #start(URI, DatabaseSettings, Path, Duration)}, reading the metric names {@code names}. */
    public static ServerMetricsScraper start(URI prometheusUrl, DatabaseSettings database, Path timeSeriesFile,
                                             Duration interval, MetricsSettings.Names names) {
        ServerMetricsScraper scraper = new ServerMetricsScraper(prometheusUrl, database, timeSeriesFile, interval, names);
        scraper.ticker.scheduleAtFixedRate(scraper::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        log.info("server metrics: scraping {} and {} every {} ms into {}", prometheusUrl == null ? "no endpoint" : prometheusUrl,
                scraper.database.enabled() ? "the database" : "no database", interval.toMillis(),
                timeSeriesFile == null ? "memory only" : timeSeriesFile);
        return scraper;
    }

    /**
     * Server metrics over the samples taken in {@code [fromEpochMillis, toEpochMillis)}. Rates in a sample cover the
     * time since the previous scrape, so the first sample of a window includes up to one interval before it.
     */
    public ServerAggregate aggregate(long fromEpochMillis, long toEpochMillis) {
        List<ServerSample> window = new ArrayList<>();
        synchronized (samples) {
            ServerSample oldest = samples.peekFirst();
            if (evicted > 0 && oldest != null && fromEpochMillis < oldest.epochMillis() && !partialWindowLogged) {
                partialWindowLogged = true;
                log.warn("server metrics: aggregates over windows before {} cover only the last {} samples kept in"
                        + " memory (the file {} has all)", oldest.epochMillis(), MAX_SAMPLES_IN_MEMORY, timeSeriesFile);
            }
            for (ServerSample s : samples) {
                if (s.epochMillis() >= fromEpochMillis && s.epochMillis() < toEpochMillis) {
                    window.add(s);
                }
            }
        }
        return ServerAggregate.of(window);
    }

    /** The samples kept in memory, oldest first (a copy). */
    public List<ServerSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * What could not be measured and how often, e.g. {@code metrics endpoint http://127.0.0.1:1234/metrics
     * unreachable: ConnectException (12 of 30 scrapes)}. Empty when everything was measured.
     */
    public List<String> problems() {
        return problems.list();
    }

    /** Stops the thread, then flushes and closes the file. Idempotent; never throws. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            ticker.shutdown();
            long waitMillis = interval.toMillis() + timeout.toMillis() + 2_000;
            if (!ticker.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                ticker.shutdownNow();
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            ticker.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("server metrics: stopping the scraper thread failed: {}", e.toString());
        }
        try {
            database.close();
        } catch (RuntimeException e) {
            log.warn("server metrics: closing the database connection failed: {}", e.toString());
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
        synchronized (fileLock) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException | RuntimeException e) {
                    log.warn("server metrics: closing {} failed: {}", timeSeriesFile, e.toString());
                }
                file = null;
            }
        }
    }

    private void tick() {
        try {
            long startNanos = System.nanoTime();
            if (lastTickNanos != 0 && startNanos - lastTickNanos < interval.toNanos() / 2) {
                return; // a late tick right after a stalled one: skip rather than catch up
            }
            lastTickNanos = startNanos;
            record(sample(System.currentTimeMillis()));
        } catch (Throwable t) { // a failing tick must not cancel the schedule
            problems.count(Problems.Kind.SCRAPE, "server metrics scrape failed: " + Problems.describe(t));
        }
    }

    ServerSample sample(long epochMillis) {
        CompletableFuture<HttpResponse<String>> response = null;
        if (http != null) {
            problems.attempt(Problems.Kind.SCRAPE);
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1").GET().build();
            response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        }
        DatabaseActivity.Counts db = database.poll(); // meanwhile
        MetricsInterpreter.Reading reading = response == null ? null : read(response);
        return new ServerSample(epochMillis,
                reading == null ? null : reading.processCpu(),
                reading == null ? null : reading.heapUsedBytes(),
                reading == null ? null : reading.requestRate(),
                reading == null ? null : reading.serverErrorRate(),
                reading == null ? null : reading.poolActive(),
                reading == null ? null : reading.poolPending(),
                reading == null ? null : reading.breakerState(),
                db == null ? null : db.connections(),
                db == null ? null : db.active());
    }

    private MetricsInterpreter.Reading read(CompletableFuture<HttpResponse<String>> pending) {
        HttpResponse<String> response;
        try {
            // the request's own timeout completes it; the margin only guards against a client that never does
            response = pending.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return failed("unreachable: " + Problems.describe(e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return failed("unreachable: no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            interpreter.scrapeFailed();
            return null;
        }
        if (response.statusCode() != 200) {
            return failed("answered HTTP " + response.statusCode());
        }
        long receivedNanos = System.nanoTime();
        PrometheusText.Parsed parsed = PrometheusText.parse(response.body(), interpreter.wanted());
        if (parsed.malformedLines() > 0) {
            problems.count(Problems.Kind.SCRAPE, "metrics endpoint " + endpoint
                    + " sent lines that are not Prometheus text (skipped)");
        }
        MetricsInterpreter.Reading reading = interpreter.read(parsed, receivedNanos);
        for (String name : reading.missing()) {
            problems.count(Problems.Kind.SCRAPE, "metric " + name + " not found at " + endpoint);
        }
        return reading;
    }

    private MetricsInterpreter.Reading failed(String what) {
        interpreter.scrapeFailed();
        problems.count(Problems.Kind.SCRAPE, "metrics endpoint " + endpoint + " " + what);
        return null;
    }

    private void record(ServerSample sample) {
        synchronized (samples) {
            samples.addLast(sample);
            while (samples.size() > MAX_SAMPLES_IN_MEMORY) {
                samples.removeFirst();
                evicted++;
            }
        }
        synchronized (fileLock) {
            if (file == null) {
                return;
            }
            try {
                file.write(JSON.writeValueAsString(sample));
                file.write('\n');
                file.flush();
            } catch (IOException e) {
                problems.note("time series file " + timeSeriesFile + " not written any more: " + Problems.describe(e));
                try {
                    file.close();
                } catch (IOException ignored) {
                    // already failing
                }
                file = null;
            }
        }
    }

    private Writer openFile(Path path) {
        if (path == null) {
            return null;
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.note("time series file " + path + " could not be opened (samples are kept in memory only): "
                    + Problems.describe(e));
            return null;
        }
    }

    private static ThreadFactory daemon(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
