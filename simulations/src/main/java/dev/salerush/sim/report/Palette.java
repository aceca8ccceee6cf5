package dev.salerush.sim.report;

import java.util.List;

/** Colours for chart lines: distinguishable, and the same meaning keeps the same colour across charts. */
public final class Palette {
    public static final String THROUGHPUT = "#2563eb";
    public static final String P50 = "#16a34a";
    public static final String P95 = "#ea580c";
    public static final String P99 = "#dc2626";
    public static final String STALL_MAX = "#7f1d1d";
    public static final String OFFERED = "#94a3b8";
    public static final String BREAKING_POINT = "#dc2626";
    public static final String KNEE = "#7c3aed";
    public static final String PROBE = "#0891b2";
    private static final List<String> CYCLE = List.of("#2563eb", "#ea580c", "#16a34a", "#7c3aed", "#0891b2",
            "#db2777", "#ca8a04", "#475569");

    private Palette() {
    }

    static String nth(int index) {
        return CYCLE.get(Math.floorMod(index, CYCLE.size()));
    }
}
