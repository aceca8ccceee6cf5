package dev.salerush.sim.regression;

/**
 * The run a new run is compared with.
 *
 * @param runId   the baseline run's id
 * @param source  where it came from: "last passing run" or "pinned file &lt;path&gt;"
 * @param figures what it measured
 */
public record Baseline(String runId, String source, RunFigures figures) {

    /** A baseline, or the reason there is none. */
    public record Lookup(Baseline baseline, String missingReason) {
        public static Lookup found(Baseline baseline) {
            return new Lookup(baseline, null);
        }

        public static Lookup missing(String reason) {
            return new Lookup(null, reason);
        }
    }
}
