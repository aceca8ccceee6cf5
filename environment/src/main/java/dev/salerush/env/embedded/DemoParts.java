package dev.salerush.env.embedded;

import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.demo.GatewaySettings;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.env.process.Cleanup;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.ProcessOptions;
import dev.salerush.shop.config.AdmissionSettings;
import dev.salerush.shop.config.BreakerSettings;
import dev.salerush.shop.config.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The parts both topologies start the same way: the payment gateway, a demo shop from the configured settings, and
 * starting parts that do not depend on each other in parallel. Every part is registered with the run's
 * {@link Cleanup} the moment it has started.
 */
final class DemoParts {
    private static final Logger log = LoggerFactory.getLogger(DemoParts.class);

    private DemoParts() {
    }

    static PaymentGatewayProcess startGateway(EmbeddedSettings settings, Path logFile, Cleanup cleanup) {
        EmbeddedSettings.Gateway gateway = settings.gateway();
        PaymentGatewayProcess started = cleanup.register("payment gateway", launch("payment gateway", () ->
                PaymentGatewayProcess.start(new GatewaySettings(gateway.port(), gateway.medianLatency(),
                                gateway.latencySigma(), gateway.maxRequestJournalEntries(), gateway.containerThreads()),
                        options(logFile, settings, gateway.heap()))));
        log.info("payment gateway ready at {}", started.baseUrl());
        return started;
    }

    /** The shop's arguments from the configured settings, for this database and gateway. */
    static ShopSettings shopArgs(EmbeddedSettings.Shop shop, DatabaseSettings database, String gatewayUrl) {
        EmbeddedSettings.Breaker breaker = shop.breaker();
        EmbeddedSettings.Admission admission = shop.admission();
        return ShopSettings.defaults(database.url(), database.user(), database.password(), gatewayUrl)
                .withPort(shop.port())
                .withPools(shop.browsePoolSize(), shop.orderPoolSize())
                .withGatewayTimeouts(shop.gatewayConnectTimeout(), shop.gatewayTimeout())
                .withBreaker(new BreakerSettings(breaker.window(), breaker.minimumCalls(),
                        breaker.failureRatePercent(), breaker.slowCall(), breaker.slowCallRatePercent(),
                        breaker.openWait(), breaker.halfOpenCalls(), breaker.enabled()))
                .withUnsafeStockCheck(shop.unsafeStockCheck())
                .withArtificialDelay(shop.artificialDelay())
                .withVersion(shop.version().toShop())
                .withAdmission(new AdmissionSettings(admission.maxConcurrent(), admission.maxQueued(),
                        admission.queueWait(), admission.poolWait()));
    }

    static DemoShopProcess startShop(String name, ShopSettings args, EmbeddedSettings settings, Path logFile,
                                     Cleanup cleanup) {
        DemoShopProcess shop = cleanup.register(name, launch(name, () ->
                DemoShopProcess.start(args, options(logFile, settings, settings.shop().heap()))));
        log.info("{} ready at {}", name, shop.baseUrl());
        return shop;
    }

    static ProcessOptions options(Path logFile, EmbeddedSettings settings, String heap) {
        return new ProcessOptions(logFile, settings.startupTimeout(), heap, List.of());
    }

    interface Launch<T> {
        T start();
    }

    static <T> T launch(String part, Launch<T> launch) {
        try {
            return launch.start();
        } catch (LaunchException e) {
            throw new EnvironmentError(part + " did not start: " + e.getMessage(), e);
        }
    }

    /** Starts a part on a thread of its own, so the caller can start another meanwhile. */
    static <T> CompletableFuture<T> inParallel(String part, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, task -> {
            Thread thread = new Thread(task, "start-" + part.replace(' ', '-'));
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The part started in parallel; its failure is rethrown as it was thrown. */
    static <T> T await(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Waits for a part started in parallel when the start failed elsewhere: it is in the cleanup, or it failed too. */
    static void settle(CompletableFuture<?> started) {
        try {
            started.join();
        } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
            // the other failure is the one reported
        }
    }
}
