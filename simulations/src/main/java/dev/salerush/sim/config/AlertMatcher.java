package dev.salerush.sim.config;

import java.util.Map;

/**
 * An alert a drill expects, by name and, optionally, labels it must carry: {@code High5xxRatio}, or
 * {@code { alert = "High5xxRatio", labels { service = "checkout" } }} when several services share the rule.
 */
public record AlertMatcher(String name, Map<String, String> labels) {

    public AlertMatcher {
        labels = Map.copyOf(labels);
    }

    public static AlertMatcher named(String name) {
        return new AlertMatcher(name, Map.of());
    }

    /** Whether an alert of {@code alertName} with {@code alertLabels} is this one. */
    public boolean matches(String alertName, Map<String, String> alertLabels) {
        return name.equals(alertName) && labels.entrySet().stream()
                .allMatch(label -> label.getValue().equals(alertLabels.get(label.getKey())));
    }

    @Override
    public String toString() {
        return labels.isEmpty() ? name : name + labels;
    }
}
