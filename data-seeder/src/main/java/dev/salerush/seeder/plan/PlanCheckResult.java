package dev.salerush.seeder.plan;

import java.util.ArrayList;
import java.util.List;

/** Outcome of a plan check: per key query the expected and the actual plan tree. */
public record PlanCheckResult(boolean skipped, String skipReason, List<Entry> entries) {

    /**
     * One query: {@code matched} when the actual tree equals the expected one (or an accepted alternative);
     * {@code differences} names each differing node by its path when the checker can (golden plans).
     */
    public record Entry(String name, String description, List<String> expected, List<String> actual,
                        boolean matched, List<String> differences) {

        public Entry {
            differences = differences == null ? List.of() : List.copyOf(differences);
        }

        public Entry(String name, String description, List<String> expected, List<String> actual, boolean matched) {
            this(name, description, expected, actual, matched, List.of());
        }
    }

    public static PlanCheckResult skipped(String reason) {
        return new PlanCheckResult(true, reason, List.of());
    }

    public boolean passed() {
        return !skipped && entries.stream().allMatch(Entry::matched);
    }

    public List<Entry> mismatches() {
        return entries.stream().filter(e -> !e.matched()).toList();
    }

    /** Readable report: one line per query, then for each mismatch a unified diff (- expected, + actual). */
    public String describe() {
        if (skipped) {
            return "plan check skipped: " + skipReason;
        }
        StringBuilder sb = new StringBuilder();
        List<Entry> bad = mismatches();
        sb.append(bad.isEmpty() ? "plan check passed: " : "plan check FAILED: ")
                .append(entries.size() - bad.size()).append('/').append(entries.size())
                .append(" queries have the expected plan\n");
        for (Entry e : entries) {
            sb.append(e.matched() ? "  ok    " : "  DIFF  ").append(e.name()).append(" (").append(e.description())
                    .append(")\n");
        }
        for (Entry e : bad) {
            sb.append("\n").append(e.name()).append(" (").append(e.description()).append("):\n");
            for (String difference : e.differences()) {
                sb.append("  * ").append(difference).append('\n');
            }
            sb.append("  --- expected\n  +++ actual\n");
            for (String line : diff(e.expected(), e.actual())) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** Line diff by longest common subsequence: " " both, "-" expected only, "+" actual only. */
    static List<String> diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        while (i < a.size()) {
            out.add("- " + a.get(i++));
        }
        while (j < b.size()) {
            out.add("+ " + b.get(j++));
        }
        return out;
    }
}
