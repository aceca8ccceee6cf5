package dev.salerush.sim.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.Locale;

/**
 * Turns daily users into load, following the scenario document's method:
 * <pre>
 *   requests per day = DAU x requests per user per day
 *   average rps      = requests per day / 86,400
 *   peak rps         = average rps x peak-to-average ratio
 *   T                = R x expected request duration + network allowance   (seconds one iteration takes)
 *   virtual users    = target rps x T / R                                  (R = requests per iteration)
 * </pre>
 * In an open model Gatling starts users at a rate rather than keeping a pool: {@code usersPerSec = peak rps / R}
 * users arriving per second produce the peak rps, and {@code virtualUsers} is how many are in flight at once.
 */
@JsonPropertyOrder({"dau", "requestsPerUserPerDay", "requestsPerDay", "averageRps", "peakToAverage", "peakRps",
        "requestsPerIteration", "iterationSeconds", "usersPerSec", "virtualUsers"})
public record TrafficPlan(long dau, double requestsPerUserPerDay, double requestsPerDay, double averageRps,
                          double peakToAverage, double peakRps, int requestsPerIteration, double iterationSeconds,
                          double usersPerSec, double virtualUsers) {

    static final int SECONDS_PER_DAY = 86_400;

    public static TrafficPlan of(long dau, double requestsPerUserPerDay, double peakToAverage, int requestsPerIteration,
                                 Duration expectedRequestDuration, Duration networkAllowance) {
        double requestsPerDay = dau * requestsPerUserPerDay;
        double averageRps = requestsPerDay / SECONDS_PER_DAY;
        double peakRps = averageRps * peakToAverage;
        double iterationSeconds = iterationSeconds(requestsPerIteration, expectedRequestDuration, networkAllowance);
        return new TrafficPlan(dau, requestsPerUserPerDay, requestsPerDay, round(averageRps), peakToAverage,
                round(peakRps), requestsPerIteration, iterationSeconds, round(peakRps / requestsPerIteration),
                round(virtualUsers(peakRps, iterationSeconds, requestsPerIteration)));
    }

    /** T = R x expected request duration + network allowance, in seconds. */
    public static double iterationSeconds(int requestsPerIteration, Duration expectedRequestDuration, Duration networkAllowance) {
        return (requestsPerIteration * expectedRequestDuration.toNanos() + networkAllowance.toNanos()) / 1e9;
    }

    /** Virtual users needed to sustain {@code rps}: rps x T / R. */
    public static double virtualUsers(double rps, double iterationSeconds, int requestsPerIteration) {
        return rps * iterationSeconds / requestsPerIteration;
    }

    /** Printed before every run. */
    public String describe() {
        return String.format(Locale.ROOT, "traffic plan: %,d DAU x %s requests/day = %,.0f requests/day"
                        + " -> %.1f rps average x %s peak ratio = %.1f rps peak; R = %d requests/iteration, T = %.2f s"
                        + " -> %.1f users/s arriving, %.0f virtual users in flight",
                dau, trim(requestsPerUserPerDay), requestsPerDay, averageRps, trim(peakToAverage), peakRps,
                requestsPerIteration, iterationSeconds, usersPerSec, virtualUsers);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
