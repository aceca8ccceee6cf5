package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the service level came back: the start of the first {@code drills.recoveryHold} of seconds within the
 * tolerance, every one with traffic.
 */
final class RecoveryHold {
    private final DrillSettings.Tolerance tolerance;
    private final long needed;

    RecoveryHold(DrillSettings settings) {
        this.tolerance = settings.tolerance();
        this.needed = Math.max(1, settings.recoveryHold().toSeconds());
    }

    /** The start of the first hold in {@code samples} (taken from {@code repaired} on), never before the repair. */
    Optional<Instant> after(List<DrillResult.Second> samples, Instant repaired) {
        return firstHold(samples).map(start -> start.isBefore(repaired) ? repaired : start);
    }

    /**
     * The start of the first hold after the service level first left the tolerance in {@code samples}: the impact
     * began and ended. Empty while nothing was outside the tolerance or it has not come back yet.
     */
    Optional<Instant> afterImpact(List<DrillResult.Second> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).requests() > 0 && !within(samples.get(i))) {
                return firstHold(samples.subList(i + 1, samples.size()));
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> firstHold(List<DrillResult.Second> samples) {
        int held = 0;
        for (DrillResult.Second second : samples) {
            held = within(second) ? held + 1 : 0;
            if (held == needed) {
                return Optional.of(second.at().minusSeconds(needed));
            }
        }
        return Optional.empty();
    }

    private boolean within(DrillResult.Second second) {
        return second.requests() > 0 && tolerance.holds(second.koPercent(), second.p95Ms());
    }
}
