package dev.salerush.env.demo;

import java.time.Duration;

/**
 * The payment gateway (WireMock standalone) process.
 *
 * @param port                     HTTP port on 127.0.0.1; 0 = pick a free one
 * @param medianLatency            median of the log-normal latency of an approval (conf embedded.gateway.medianLatency)
 * @param latencySigma             sigma of that distribution (conf embedded.gateway.latencySigma)
 * @param maxRequestJournalEntries bound of WireMock's request journal (oldest entries are dropped); keeps the journal
 *                                 usable for drills without unbounded heap growth
 * @param containerThreads         Jetty threads of WireMock
 */
public record GatewaySettings(int port, Duration medianLatency, double latencySigma, int maxRequestJournalEntries,
                              int containerThreads) {

    public static final Duration DEFAULT_MEDIAN_LATENCY = Duration.ofMillis(30);
    public static final double DEFAULT_SIGMA = 0.25;
    public static final int DEFAULT_MAX_JOURNAL_ENTRIES = 200_000;
    public static final int DEFAULT_CONTAINER_THREADS = 200;

    public static final GatewaySettings DEFAULTS = new GatewaySettings(0, DEFAULT_MEDIAN_LATENCY, DEFAULT_SIGMA,
            DEFAULT_MAX_JOURNAL_ENTRIES, DEFAULT_CONTAINER_THREADS);

    public GatewaySettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (medianLatency == null || medianLatency.isNegative()) {
            throw new IllegalArgumentException("median latency must be >= 0");
        }
        if (!(latencySigma >= 0 && latencySigma <= 5)) {
            throw new IllegalArgumentException("latency sigma must be 0..5");
        }
        if (maxRequestJournalEntries < 1) {
            throw new IllegalArgumentException("max request journal entries must be >= 1");
        }
        if (containerThreads < 8) {
            throw new IllegalArgumentException("container threads must be >= 8");
        }
    }

    public GatewaySettings withPort(int newPort) {
        return new GatewaySettings(newPort, medianLatency, latencySigma, maxRequestJournalEntries, containerThreads);
    }

    public GatewaySettings withLatency(Duration median, double sigma) {
        return new GatewaySettings(port, median, sigma, maxRequestJournalEntries, containerThreads);
    }

    public GatewaySettings withMaxRequestJournalEntries(int entries) {
        return new GatewaySettings(port, medianLatency, latencySigma, entries, containerThreads);
    }
}
