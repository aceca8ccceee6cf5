package dev.salerush.seeder.profile;

import java.util.List;

/**
 * What the statistics say about one column. {@code mostCommonValues} and {@code histogramBounds} are only ever
 * read for numeric, date/time and boolean columns: text values of the source never reach this record.
 *
 * @param category  pg_type.typcategory (N numeric, D date/time, B boolean, S string, ...)
 * @param key       single-column primary key or identity/serial column
 * @param parent    table referenced by a single-column foreign key, or null
 * @param nullFrac  null fraction, null when the column has no statistics
 * @param nDistinct pg_stats.n_distinct (negative: minus the fraction of rows), null without statistics
 */
public record ColumnProfile(String name, String type, char category, boolean key, String parent, Double nullFrac,
                            Double nDistinct, Integer avgWidth, List<String> mostCommonValues,
                            List<Double> mostCommonFreqs, List<String> histogramBounds) {

    public ColumnProfile {
        mostCommonValues = mostCommonValues == null ? List.of() : List.copyOf(mostCommonValues);
        mostCommonFreqs = mostCommonFreqs == null ? List.of() : List.copyOf(mostCommonFreqs);
        histogramBounds = histogramBounds == null ? List.of() : List.copyOf(histogramBounds);
    }

    public boolean hasStatistics() {
        return nullFrac != null;
    }

    /** Distinct values as a count, given the table's rows (n_distinct &lt; 0 is a fraction of the rows). */
    public double distinctCount(double rows) {
        if (nDistinct == null) {
            return Double.NaN;
        }
        return nDistinct >= 0 ? nDistinct : -nDistinct * rows;
    }

    /** Every non-null value is different (n_distinct = -1 or a count equal to the rows). */
    public boolean unique(double rows) {
        return nDistinct != null && (nDistinct <= -0.999 || (rows > 0 && nDistinct >= 0.999 * rows));
    }
}
