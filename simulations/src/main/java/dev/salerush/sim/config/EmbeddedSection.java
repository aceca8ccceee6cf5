package dev.salerush.sim.config;

import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.EmbeddedSettings.Topology;
import dev.salerush.env.ops.ShopVersion;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code embedded} section: the demo shop, its payment gateway, the redundant topology's parts and the seeded
 * snapshots, as the environment module's settings.
 */
final class EmbeddedSection {
    private static final long INSTANCE_OVERHEAD_BYTES = 256L << 20;

    private EmbeddedSection() {
    }

    static EmbeddedSettings read(ConfigReader reader) {
        Topology topology = Topology.valueOf(reader.oneOf("topology", Arrays.stream(Topology.values())
                .map(Topology::configName).toList()).toUpperCase(java.util.Locale.ROOT));
        EmbeddedSettings.Shop shop = shop(reader.child("shop"));
        EmbeddedSettings.Gateway gateway = new EmbeddedSettings.Gateway(
                reader.intInRange("gateway.port", 0, 65535),
                reader.positiveDuration("gateway.medianLatency"),
                reader.numberInRange("gateway.latencySigma", 0, 3),
                reader.heapSize("gateway.heap"),
                reader.intInRange("gateway.maxRequestJournalEntries", 1, 10_000_000),
                reader.intInRange("gateway.containerThreads", 8, 2_000));
        return new EmbeddedSettings(reader.positiveDuration("startupTimeout"), topology, shop, gateway,
                redundancy(reader.child("redundancy"), shop.heap(), reader.string("tools.haproxy").trim()),
                snapshots(reader));
    }

    private static EmbeddedSettings.Shop shop(ConfigReader shop) {
        ConfigReader admission = shop.child("admission");
        return new EmbeddedSettings.Shop(
                shop.intInRange("port", 0, 65535),
                shop.heapSize("heap"),
                shop.intInRange("browsePoolSize", 1, 500),
                shop.intInRange("orderPoolSize", 1, 500),
                shop.positiveDuration("gatewayConnectTimeout"),
                shop.positiveDuration("gatewayTimeout"),
                breaker(shop.child("breaker")),
                shop.bool("unsafeStockCheck"),
                shop.nonNegativeDuration("artificialDelay"),
                version(shop),
                new EmbeddedSettings.Admission(
                        admission.intInRange("maxConcurrent", 1, 10_000),
                        admission.intInRange("maxQueued", 0, 100_000),
                        admission.nonNegativeDuration("queueWait"),
                        atLeast(admission, "poolWait", java.time.Duration.ofMillis(250))));
    }

    private static ShopVersion version(ConfigReader shop) {
        String behaviour = shop.oneOf("behaviour", ShopVersion.behaviours());
        String label = shop.nonBlank("version").trim();
        try {
            return new ShopVersion(label, behaviour);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(shop.key("version") + ": " + e.getMessage(), e);
        }
    }

    private static java.time.Duration atLeast(ConfigReader reader, String path, java.time.Duration minimum) {
        java.time.Duration value = reader.positiveDuration(path);
        if (value.compareTo(minimum) < 0) {
            throw new ConfigError(reader.key(path) + " must be at least " + minimum.toMillis() + "ms (HikariCP's "
                    + "minimum connection wait), got " + value.toMillis() + "ms");
        }
        return value;
    }

    private static EmbeddedSettings.Redundancy redundancy(ConfigReader redundancy, String shopHeap, String haproxy) {
        ConfigReader lb = redundancy.child("loadBalancer");
        return new EmbeddedSettings.Redundancy(
                redundancy.intInRange("instances", 1, maxInstances(shopHeap)),
                redundancy.bool("standby"),
                redundancy.bool("synchronous"),
                redundancy.positiveDuration("standbyTimeout"),
                new EmbeddedSettings.LoadBalancer(
                        lb.intInRange("port", 0, 65535),
                        lb.positiveDuration("checkInterval"),
                        lb.intInRange("fall", 1, 100),
                        lb.intInRange("rise", 1, 100),
                        lb.intInRange("errorLimit", 1, 10_000),
                        lb.nonNegativeDuration("slowStart")),
                haproxy);
    }

    /** What this machine can hold: two instances per core, within half its memory at the shop heap plus overhead. */
    static int maxInstances(String shopHeap) {
        int byCores = 2 * Runtime.getRuntime().availableProcessors();
        long perInstance = heapBytes(shopHeap) + INSTANCE_OVERHEAD_BYTES;
        long memory = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        int byMemory = (int) Math.max(1, memory / 2 / perInstance);
        return Math.max(1, Math.min(byCores, byMemory));
    }

    private static long heapBytes(String heap) {
        long number = Long.parseLong(heap.substring(0, heap.length() - 1));
        return switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
            case 'k' -> number << 10;
            case 'm' -> number << 20;
            default -> number << 30;
        };
    }

    private static EmbeddedSettings.Snapshots snapshots(ConfigReader embedded) {
        String dir = embedded.string("snapshots.dir").trim();
        return new EmbeddedSettings.Snapshots(embedded.bool("reuseSnapshot"),
                dir.isEmpty() ? defaultSnapshotDir() : Path.of(dir),
                embedded.intInRange("snapshots.kept", 1, 100));
    }

    /** $XDG_CACHE_HOME/salerush/snapshots, else ~/.cache/salerush/snapshots. */
    static Path defaultSnapshotDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("salerush").resolve("snapshots");
    }

    private static EmbeddedSettings.Breaker breaker(ConfigReader breaker) {
        return new EmbeddedSettings.Breaker(
                breaker.intInRange("window", 1, 10_000),
                breaker.intInRange("minimumCalls", 1, 10_000),
                breaker.intInRange("failureRate", 1, 100),
                breaker.positiveDuration("slowCall"),
                breaker.intInRange("slowCallRate", 1, 100),
                breaker.positiveDuration("openWait"),
                breaker.intInRange("halfOpenCalls", 1, 10_000),
                breaker.bool("enabled"));
    }
}
