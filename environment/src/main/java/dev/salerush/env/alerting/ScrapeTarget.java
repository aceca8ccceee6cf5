package dev.salerush.env.alerting;

/**
 * One shop instance Prometheus scrapes ({@code http://127.0.0.1:<port>/metrics}), labelled {@code shop="<name>"}.
 *
 * @param name the instance's name, e.g. {@code shop-1}
 * @param port its port on 127.0.0.1
 */
public record ScrapeTarget(String name, int port) {
    public ScrapeTarget {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scrape target needs a name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port of " + name + " must be 1..65535, got " + port);
        }
    }
}
