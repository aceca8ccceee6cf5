package dev.salerush.sim.env;

import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetSettings;
import dev.salerush.sim.config.Urls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends unmeasured browsing requests to a freshly started shop for a while, so the run measures a warm service
 * (JIT-compiled code paths, filled caches and connection pools), as production would be at a sale's start.
 */
public final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private Warmup() {
    }

    /** Browses lists and details for {@code duration} with a few concurrent clients, ids drawn from the dataset. */
    public static void run(URI baseUrl, TargetSettings target, Duration duration, DatasetLayout layout) {
        if (duration.isZero()) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(target.connectTimeout()).build();
        long deadline = System.nanoTime() + duration.toNanos();
        String base = Urls.withoutTrailingSlash(baseUrl.toString());
        Thread[] workers = new Thread[4];
        long[] sent = new long[workers.length];
        for (int w = 0; w < workers.length; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String list = base + target.path("products") + "?brandId=" + layout.drawBrandId(random)
                            + "&sort=" + SuiteConfig.SORTS.get(random.nextInt(SuiteConfig.SORTS.size())) + "&page=" + random.nextInt(3) + "&size=20";
                    String detail = base + target.path("product").replace("{id}", String.valueOf(layout.drawProductId(random)));
                    get(client, list, target.requestTimeout());
                    get(client, detail, target.requestTimeout());
                    sent[worker] += 2;
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
        long total = java.util.Arrays.stream(sent).sum();
        log.info("warm-up: {} requests in {} s (not measured)", total, duration.toSeconds());
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
