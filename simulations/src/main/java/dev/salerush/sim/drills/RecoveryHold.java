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
     * The start of the first hold after an impact in {@code samples}: the service level stayed outside the tolerance
     * for as many seconds in a row as a recovery must hold inside it, then came back. Empty while there was no such
     * impact or it has not ended. A shorter excursion (a busy second of the injector's machine) is no impact: a fault
     * the service level cannot see, such as empty product lists, must not pass for one that healed on its own.
     */
    Optional<Instant> afterImpact(List<DrillResult.Second> samples) {
        long outside = 0;
        for (int i = 0; i < samples.size(); i++) {
            outside = samples.get(i).requests() > 0 && !within(samples.get(i)) ? outside + 1 : 0;
            if (outside == needed) {
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
