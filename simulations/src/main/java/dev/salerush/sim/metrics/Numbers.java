package dev.salerush.sim.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one way the suite writes numbers into text — messages, the console summary, junit.xml and the report pages: a
 * whole number without decimals ({@code 15}, not {@code 15.0}), always with a dot, whatever the JVM's locale.
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 15}, {@code 0.20}, {@code 732.50}: a whole number as is, any other with two decimals. */
    public static String fixed(double value) {
        return fixed(value, 2);
    }

    /** A whole number as is, any other with exactly {@code decimals} decimals. */
    public static String fixed(double value, int decimals) {
        return isWhole(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code 2}, {@code 1.5}: a whole number as is, any other as Java writes it (for settings echoed in names). */
    public static String shortest(double value) {
        return isWhole(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code 1,650,000}, {@code 38.19}: grouped digits and at most {@code decimals} decimals, rounded half up. */
    public static String grouped(double value, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value);
    }
}
