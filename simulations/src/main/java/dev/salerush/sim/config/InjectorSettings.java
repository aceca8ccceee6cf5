package dev.salerush.sim.config;

import java.time.Duration;

/**
 * The load generator's own stall detector (the {@code injector} section).
 *
 * @param stallPeriod how often the probe thread wakes (whole milliseconds, 1 ms .. 100 ms)
 * @param stallBound  a stall longer than this (how late the probe woke) flags the run as stalled (1 ms .. 60 s)
 */
public record InjectorSettings(Duration stallPeriod, Duration stallBound) {
}
