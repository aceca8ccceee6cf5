package dev.salerush.sim.regression;

import java.util.Map;

/**
 * What the gate compares of a run.
 *
 * @param staircase        whether the run was a stress staircase: then only its breaking point is compared
 * @param breakingPointRps a staircase's breaking point, or null when not even its first step held
 * @param global           all requests together, or null when nothing was measured
 * @param requests         per request name
 */
public record RunFigures(boolean staircase, Double breakingPointRps, RequestFigures global,
                         Map<String, RequestFigures> requests) {

    /**
     * @param count     responses and failures
     * @param p95Ms     exact p95, or null without responses
     * @param koPercent the share of failed requests
     */
    public record RequestFigures(long count, Long p95Ms, double koPercent) {
    }
}
