package dev.salerush.seeder.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Chooses a spec generator for one column from its statistics: foreign keys become references skewed like
 * production, keys sequences, numbers histograms or enums, dates and timestamps ranges, and text a placeholder
 * (text values are never read, so they cannot be reproduced — each text column carries a {@code # review} note).
 */
final class ColumnMapper {

    /** The generator's settings (inside the braces) and the review comments shown above the column. */
    record Generator(String body, List<String> comments) {
    }

    /** Up to this many distinct values a text column is pointed out as an enum candidate. */
    private static final int FEW_DISTINCT = 20;

    /** A key's share up to this multiple of the average share still counts as uniform. */
    private static final double UNIFORM_TOLERANCE = 1.25;

    private ColumnMapper() {
    }

    static Generator map(TableProfile table, ColumnProfile c) {
        List<String> comments = new ArrayList<>();
        String body;
        if (c.parent() != null) {
            body = reference(table, c, comments);
        } else if (c.key()) {
            body = sequence(c, comments);
        } else if (c.category() == 'N' || c.category() == 'B') {
            body = numeric(c, comments);
        } else if (c.category() == 'D' && !c.type().startsWith("time ") && !c.type().startsWith("time(")) {
            body = dateRange(c, comments);
        } else {
            body = text(table, c, comments);
        }
        if (!c.hasStatistics()) {
            comments.add("review: no statistics for this column (was the table analyzed?)");
        } else if (c.nullFrac() > 0) {
            body += ", nulls = " + Hocon.number(c.nullFrac());
        }
        return new Generator(body, comments);
    }

    private static String reference(TableProfile table, ColumnProfile c, List<String> comments) {
        if (evenlySpread(table, c)) {
            comments.add("foreign key -> " + c.parent() + ": every key about equally common in pg_stats");
            return "generator = reference, skew = uniform";
        }
        comments.add("foreign key -> " + c.parent() + (c.category() == 'N' && !c.mostCommonValues().isEmpty()
                ? ": mostCommon keys are production's " + c.parent() + " ids, read as the parent's sequence ids "
                + "(review if " + c.parent() + " ids do not run from 1)" : ""));
        if (c.mostCommonValues().isEmpty()) {
            return "generator = reference, skew = uniform";
        }
        return "generator = reference, skew { mostCommon "
                + Hocon.shares(c.mostCommonValues(), c.mostCommonFreqs(), 1) + " }";
    }

    /**
     * No key is more than {@value #UNIFORM_TOLERANCE} times the average share: the listed frequencies are sampling
     * noise around a uniform spread, not a skew worth reproducing.
     */
    private static boolean evenlySpread(TableProfile table, ColumnProfile c) {
        double distinct = c.distinctCount(table.rows());
        if (c.mostCommonFreqs().isEmpty() || !(distinct > 0)) {
            return false;
        }
        double average = (1 - c.nullFrac()) / distinct;
        return c.mostCommonFreqs().stream().allMatch(f -> f <= UNIFORM_TOLERANCE * average);
    }

    private static String sequence(ColumnProfile c, List<String> comments) {
        List<String> h = c.histogramBounds();
        if (!h.isEmpty()) {
            comments.add("production key range " + h.get(0) + " .. " + h.get(h.size() - 1));
        }
        return "generator = sequence, start = 1";
    }

    private static String numeric(ColumnProfile c, List<String> comments) {
        if (!c.histogramBounds().isEmpty()) {
            String body = "generator = histogram, bounds = " + Hocon.list(c.histogramBounds());
            if (!c.mostCommonValues().isEmpty()) {
                body += ", mostCommon " + Hocon.shares(c.mostCommonValues(), c.mostCommonFreqs(), 1);
            }
            return body;
        }
        if (!c.mostCommonValues().isEmpty()) {
            comments.add("enum weights are % of all rows (every distinct value is listed in pg_stats)");
            List<String> values = c.category() == 'B'
                    ? c.mostCommonValues().stream().map(v -> v.equals("t") ? "true" : "false").toList()
                    : c.mostCommonValues();
            return "generator = enum, values " + Hocon.shares(values, c.mostCommonFreqs(), 100);
        }
        comments.add("review: no histogram and no common values (all null or not analyzed); placeholder range");
        return "generator = uniform, min = 0, max = 100";
    }

    private static String dateRange(ColumnProfile c, List<String> comments) {
        String generator = c.type().startsWith("date") ? "date" : "timestamp";
        List<String> values = Stream.concat(c.histogramBounds().stream(), c.mostCommonValues().stream())
                .sorted(Comparator.naturalOrder()).toList();
        if (values.isEmpty()) {
            comments.add("review: no histogram and no common values; placeholder range");
            return "generator = " + generator + ", from = \"2026-01-01\", to = \"2026-06-30\"";
        }
        String min = values.get(0);
        String max = values.get(values.size() - 1);
        comments.add("production range " + min + " .. " + max + (generator.equals("timestamp")
                ? " (hourWeights omitted: pg_stats has no hour-of-day distribution)" : ""));
        return "generator = " + generator + ", from = " + Hocon.string(day(min)) + ", to = " + Hocon.string(day(max));
    }

    private static String day(String value) {
        return value.length() >= 10 ? value.substring(0, 10) : value;
    }

    private static String text(TableProfile table, ColumnProfile c, List<String> comments) {
        String name = c.name().toLowerCase(Locale.ROOT);
        double distinct = c.distinctCount(table.rows());
        StringBuilder note = new StringBuilder("review: ").append(c.type())
                .append(" — values never read, placeholder chosen by the column name");
        if (c.avgWidth() != null) {
            note.append("; average width ").append(c.avgWidth()).append(" bytes");
        }
        if (!Double.isNaN(distinct)) {
            note.append("; ~").append(Math.round(distinct)).append(" distinct");
        }
        comments.add(note.toString());
        if (c.unique(table.rows())) {
            return "generator = pattern, pattern = " + Hocon.string(name.contains("mail")
                    ? c.name() + "-%d@example.com" : c.name() + "-%d");
        }
        if (!Double.isNaN(distinct) && distinct > 0 && distinct <= FEW_DISTINCT) {
            comments.add("review: few distinct values — an enum with your own labels may fit better");
        }
        return "generator = faker, expression = " + Hocon.string(fakerFor(name));
    }

    /** A datafaker expression that fits the column's name. */
    static String fakerFor(String name) {
        if (name.contains("mail")) {
            return "#{Internet.emailAddress}";
        }
        if (name.contains("phone") || name.contains("mobile") || name.contains("tel")) {
            return "#{PhoneNumber.cellPhone}";
        }
        if (name.contains("city")) {
            return "#{Address.city}";
        }
        if (name.contains("zip") || name.contains("postal")) {
            return "#{Address.zipCode}";
        }
        if (name.contains("address") || name.contains("street")) {
            return "#{Address.fullAddress}";
        }
        if (name.contains("url") || name.contains("link")) {
            return "#{Internet.url}";
        }
        if (name.contains("name") && (name.contains("product") || name.contains("item") || name.contains("title"))) {
            return "#{Commerce.productName}";
        }
        if (name.contains("name")) {
            return "#{Name.fullName}";
        }
        if (name.contains("title") || name.contains("product")) {
            return "#{Commerce.productName}";
        }
        if (name.contains("desc") || name.contains("comment") || name.contains("note") || name.contains("body")) {
            return "#{Lorem.sentence}";
        }
        return "#{Lorem.word}";
    }
}
