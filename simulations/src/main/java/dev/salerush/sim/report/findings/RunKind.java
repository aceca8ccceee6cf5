package dev.salerush.sim.report.findings;

import dev.salerush.sim.results.RunSummary;

import java.util.Locale;
import java.util.Optional;

/**
 * The three runs a findings document is built from. A run is a stress run when its summary has stress steps,
 * whatever its profile is called (a team's staircase profile); otherwise the profile's name decides: {@code smoke},
 * {@code load} or {@code stress} (a stress run that measured no step). Runs of other profiles (soak, spike) are in
 * no findings document.
 */
enum RunKind {
    SMOKE, LOAD, STRESS;

    static Optional<RunKind> of(RunSummary summary) {
        if (summary.steps() != null && !summary.steps().isEmpty()) {
            return Optional.of(STRESS);
        }
        String profile = summary.profile() == null ? "" : summary.profile().strip().toLowerCase(Locale.ROOT);
        return switch (profile) {
            case "smoke" -> Optional.of(SMOKE);
            case "load" -> Optional.of(LOAD);
            case "stress" -> Optional.of(STRESS);
            default -> Optional.empty();
        };
    }

    /** The profile name a kind stands for, as the bundle's keys and the pages write it. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
