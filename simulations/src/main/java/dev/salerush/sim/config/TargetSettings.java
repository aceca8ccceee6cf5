package dev.salerush.sim.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where load goes and how the suite talks to it.
 *
 * @param baseUrl     the external service, or {@code null} for the embedded sale environment
 * @param giveUpAfter    how long the health endpoint may fail during the load before the run stops as failed
 * @param servedByHeader the response header the service sets on every answer of its own, telling it from its proxy's;
 *                       empty when the service sets none (every 5xx but 503 is then taken for the proxy's)
 */
public record TargetSettings(URI baseUrl, List<String> allowedHosts, String healthPath, Duration healthTimeout,
                             Duration giveUpAfter, Map<String, String> paths, Duration connectTimeout, Duration requestTimeout,
                             boolean shareConnections, String servedByHeader) {

    public boolean embedded() {
        return baseUrl == null;
    }

    public String path(String name) {
        String path = paths.get(name);
        if (path == null) {
            throw new IllegalArgumentException("no endpoint path named " + name);
        }
        return path;
    }

    /** Refuses a base URL whose host is not on the allow-list: no load may go anywhere nobody allowed. */
    void checkAllowed() {
        if (baseUrl != null && !isAllowed(baseUrl.getHost(), allowedHosts)) {
            throw new ConfigError("target.baseUrl host '" + baseUrl.getHost() + "' is not in target.allowedHosts "
                    + allowedHosts + "; add it there on purpose if this service may receive load");
        }
    }

    static boolean isAllowed(String host, List<String> allowedHosts) {
        String normalized = stripBrackets(host).toLowerCase(Locale.ROOT);
        return allowedHosts.stream().map(h -> stripBrackets(h.trim()).toLowerCase(Locale.ROOT)).anyMatch(normalized::equals);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
