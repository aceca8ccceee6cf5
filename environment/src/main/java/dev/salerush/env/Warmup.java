package dev.salerush.env;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends unmeasured requests to a freshly started service for a while, so the run measures a warm service
 * (JIT-compiled code paths, filled caches and connection pools), as production would be at a sale's start.
 */
public final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    private static final int CLIENTS = 4;

    /** The next requests of one warm-up client: paths (with their query) relative to the base URL. */
    @FunctionalInterface
    public interface Requests {
        List<String> next(Random random);
    }

    private Warmup() {
    }

    /** Sends {@code requests} for {@code duration} with a few concurrent clients; failures are not fatal. */
    public static void run(URI baseUrl, Duration duration, Duration connectTimeout, Duration requestTimeout,
                           Requests requests) {
        if (duration.isZero()) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        long deadline = System.nanoTime() + duration.toNanos();
        String base = Urls.withoutTrailingSlash(baseUrl.toString());
        Thread[] workers = new Thread[CLIENTS];
        long[] sent = new long[CLIENTS];
        for (int w = 0; w < CLIENTS; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    for (String path : requests.next(ThreadLocalRandom.current())) {
                        get(client, base + path, requestTimeout);
                        sent[worker]++;
                    }
                }
            }, "salerush-warmup-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("warm-up: {} requests in {} s (not measured)", Arrays.stream(sent).sum(), duration.toSeconds());
    }

    private static void get(HttpClient client, String url, Duration timeout) {
        try {
            client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // warm-up failures are not fatal: the run's health check and its own requests will tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
