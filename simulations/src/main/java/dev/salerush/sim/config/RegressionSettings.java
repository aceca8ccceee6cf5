package dev.salerush.sim.config;

import java.nio.file.Path;

/**
 * The regression gate (the {@code regression} section): how much worse than its baseline a run may be.
 *
 * @param enabled              whether runs are compared with a baseline at all
 * @param pinnedBaseline       a summary.json (or a run folder holding one) to compare with, or {@code null} for the
 *                             newest passing run of the same profile, target and dataset in the results folder
 * @param p95Percent           how far a p95 may rise, in percent of the baseline's
 * @param latencyFloorMs       a rise smaller than this many ms never counts (7 → 9 ms is +29 %, but noise)
 * @param koPercentPoints      how far the share of failed requests may rise, in percentage points
 * @param breakingPointPercent how far a stress run's breaking point may fall, in percent
 */
public record RegressionSettings(boolean enabled, Path pinnedBaseline, double p95Percent, double latencyFloorMs,
                                 double koPercentPoints, double breakingPointPercent) {
}
