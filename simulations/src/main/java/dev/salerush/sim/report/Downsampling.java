package dev.salerush.sim.report;

/** How many neighbouring intervals one chart point merges so a long run stays within a readable number of points. */
final class Downsampling {
    /** A chart is read, not zoomed: ~600 points fill a page's width. */
    static final int MAX_POINTS = 600;

    private Downsampling() {
    }

    /** The smallest group size that keeps {@code intervals} within {@code maxPoints} points (1 = no merging). */
    static int groupSize(int intervals, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be >= 1, was " + maxPoints);
        }
        return Math.max(1, (intervals + maxPoints - 1) / maxPoints);
    }
}
