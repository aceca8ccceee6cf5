package dev.salerush.sim.report.findings;

import dev.salerush.sim.results.RunSummary;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose results a findings document holds: one simulation class (its fully qualified name, as summary.json has it)
 * against one target host. The host is the target URL's, without its port; the embedded demo environment, whose URL
 * changes with every run, is {@code embedded}. The document's folder is {@code <simulation>@<host>}, each part
 * reduced to letters, digits, {@code .}, {@code _} and {@code -}.
 */
public record FindingsKey(String simulation, String host) {
    /** The host of every run against the embedded demo environment. */
    static final String EMBEDDED = "embedded";

    /** The key of a run, or empty when its summary does not say which simulation ran or against which host. */
    static Optional<FindingsKey> of(RunSummary summary) {
        if (summary == null || summary.simulation() == null || summary.simulation().isBlank()) {
            return Optional.empty();
        }
        String host = summary.embedded() ? EMBEDDED : host(summary.target());
        return host == null ? Optional.empty() : Optional.of(new FindingsKey(summary.simulation().strip(), host));
    }

    /** The folder below {@code results/findings/}. */
    public String folder() {
        return fileNamePart(simulation) + "@" + fileNamePart(host);
    }

    private static String host(RunSummary.Target target) {
        if (target == null || target.baseUrl() == null) {
            return null;
        }
        try {
            String host = URI.create(target.baseUrl().strip()).getHost();
            return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String fileNamePart(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
