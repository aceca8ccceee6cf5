package dev.salerush.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request's row of the statistics table in Gatling's own HTML report ({@code index.html}): Gatling's counts and
 * its percentiles (whole ms). Gatling 3.15 writes no stats.json, and its console gives only the global figures, which
 * would mix warm-up requests into the measured ones.
 */
record GatlingReportRow(long total, long ko, long p50Ms, long p95Ms, long p99Ms, long maxMs) {
    // the report's columns: 2 total, 3 OK, 4 KO, 5 % KO, 6 Cnt/s, 7 min, 8 p50, 9 p75, 10 p95, 11 p99, 12 max
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([\\d,.-]+)<");

    static GatlingReportRow read(Path index, String request) throws IOException {
        String html = Files.readString(index);
        int at = html.indexOf("class=\"ellipsed-name\">" + request + "</span>");
        if (at < 0) {
            throw new IllegalStateException("no row '" + request + "' in Gatling's report " + index);
        }
        long[] columns = new long[13];
        Matcher cell = CELL.matcher(html).region(at, html.length());
        while (cell.find() && Integer.parseInt(cell.group(1)) > 1) {
            int column = Integer.parseInt(cell.group(1));
            columns[column] = cell.group(2).equals("-") ? 0 : Math.round(Double.parseDouble(cell.group(2).replace(",", "")));
            if (column == 12) {
                return new GatlingReportRow(columns[2], columns[4], columns[8], columns[10], columns[11], columns[12]);
            }
        }
        throw new IllegalStateException("row '" + request + "' of Gatling's report " + index + " has no max column");
    }
}
