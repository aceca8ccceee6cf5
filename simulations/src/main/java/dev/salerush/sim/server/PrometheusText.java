package dev.salerush.sim.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small parser of the Prometheus text exposition format (0.0.4, and the sample lines of OpenMetrics):
 * {@code name{label="value",...} value [timestamp]}, one sample a line; {@code #} lines (HELP, TYPE, EOF) and blank
 * lines are skipped. Label values may contain escaped {@code \"}, {@code \\} and {@code \n}; values may be
 * {@code NaN}, {@code +Inf}, {@code -Inf}. A line that does not parse is skipped and counted, never fatal: one odd
 * line must not cost the whole scrape.
 */
public final class PrometheusText {

    /** One sample line. {@code labels} keep the order of the line. */
    public record Series(String name, Map<String, String> labels, double value) {
        public String label(String label) {
            return labels.get(label);
        }
    }

    /** The parsed samples, and how many sample lines could not be parsed. */
    public record Parsed(List<Series> series, int malformedLines) {
        public List<Series> named(String name) {
            List<Series> named = new ArrayList<>();
            for (Series s : series) {
                if (s.name().equals(name)) {
                    named.add(s);
                }
            }
            return named;
        }
    }

    private PrometheusText() {
    }

    public static Parsed parse(String text) {
        return parse(text, name -> true);
    }

    /**
     * Parses the lines whose metric name {@code wanted} accepts; other lines are skipped before their labels are
     * read (an endpoint with histograms has thousands of lines of which a scraper needs a few).
     */
    public static Parsed parse(String text, Predicate<String> wanted) {
        List<Series> series = new ArrayList<>();
        int malformed = 0;
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(start, end);
            start = end + 1;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int nameEnd = nameEnd(trimmed);
            if (nameEnd == 0) {
                malformed++;
                continue;
            }
            if (!wanted.test(trimmed.substring(0, nameEnd))) {
                continue;
            }
            Series parsed = parseLine(trimmed, nameEnd);
            if (parsed == null) {
                malformed++;
            } else {
                series.add(parsed);
            }
        }
        return new Parsed(Collections.unmodifiableList(series), malformed);
    }

    /** One sample line (already stripped); {@code null} if it is not a valid sample line. */
    static Series parseLine(String line) {
        int nameEnd = nameEnd(line);
        return nameEnd == 0 ? null : parseLine(line, nameEnd);
    }

    private static Series parseLine(String line, int nameEnd) {
        String name = line.substring(0, nameEnd);
        int i = nameEnd;
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = parseLabels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String rest = line.substring(i).strip();
        if (rest.isEmpty() || i == nameEnd && !Character.isWhitespace(line.charAt(i))) {
            return null;
        }
        // value [timestamp] [# exemplar (OpenMetrics)]
        String[] fields = rest.split("\\s+");
        Double value = parseValue(fields[0]);
        if (value == null) {
            return null;
        }
        int next = 1;
        if (fields.length > 1 && !fields[1].startsWith("#")) {
            if (parseValue(fields[1]) == null) {
                return null; // not a timestamp
            }
            next = 2;
        }
        if (fields.length > next && !fields[next].startsWith("#")) {
            return null; // anything after value and timestamp must be an OpenMetrics exemplar
        }
        return new Series(name, Collections.unmodifiableMap(labels), value);
    }

    private static int nameEnd(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || i > 0 && c >= '0' && c <= '9';
            if (!ok) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Reads {@code label="value",...}} from {@code i}; returns the index after '}', or -1 if malformed. */
    private static int parseLabels(String line, int i, Map<String, String> labels) {
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int keyStart = i;
            while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                i++;
            }
            if (i == keyStart) {
                return -1;
            }
            String key = line.substring(keyStart, i);
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) != '=') {
                return -1;
            }
            i++;
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) != '"') {
                return -1;
            }
            i++;
            StringBuilder value = new StringBuilder();
            boolean closed = false;
            while (i < n) {
                char c = line.charAt(i++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i >= n) {
                        return -1;
                    }
                    char e = line.charAt(i++);
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
            }
            if (!closed) {
                return -1;
            }
            labels.put(key, value.toString());
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i < n && line.charAt(i) == ',') {
                i++;
            } else if (i >= n || line.charAt(i) != '}') {
                return -1;
            }
        }
    }

    /** A Prometheus float: Go syntax plus NaN, +Inf, -Inf, Inf; {@code null} if it is none. */
    static Double parseValue(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (text.isEmpty()) {
            return null;
        }
        char last = text.charAt(text.length() - 1);
        if (!(last >= '0' && last <= '9' || last == '.')) {
            return null; // Java would accept "1d", "1f", "Infinity"; Prometheus does not
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
