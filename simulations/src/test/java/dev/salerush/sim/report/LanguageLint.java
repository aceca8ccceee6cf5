package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text of the other language on a page or notice: Hangul on an English one; on a Korean one, Latin words other
 * than the abbreviations a Korean operations team writes as they are (ms, p95, TTD, SLO, …: docs/report-wording.md).
 * Code is exempt — HTML {@code <code>}, {@code <pre>}, {@code <kbd>}, {@code <samp>}, Markdown code spans and fences —
 * and so are tags, attributes, scripts, styles, URLs, Markdown task-list boxes and the {@code <title>} (a browser
 * tab's identifiers: the drill, the run, which cannot be set in code font there). Returns each offending sentence, so
 * a failure lists them all.
 */
public final class LanguageLint {
    /** Latin words a Korean page may show outside code: units, percentile names, stage metrics, common acronyms. */
    static final Set<String> KOREAN_PAGE_LATIN = Set.of(
            "ms", "rps", "p50", "p90", "p95", "p99", "p99.9", "TTD", "TTN", "TTFA", "TTM", "TTR", "SLO", "DAU", "VU",
            "KST", "UTC", "SEV1", "SEV2", "SEV3", "SEV4", "DB", "API", "CPU", "GC", "HTTP", "URL", "ID", "SPOF", "KO",
            "OK", "vs", "5xx", "4xx");
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3130-\\u318F]");
    /** A word with a Latin letter in it: {@code p95}, {@code 5xx}, {@code Prometheus}. */
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]*");
    private static final Pattern EXEMPT_BLOCKS = Pattern.compile(
            "(?is)<(script|style|code|pre|kbd|samp|title)\\b[^>]*>.*?</\\1>|```.*?```|`[^`\\n]*`|<!--.*?-->");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|file)://\\S+|\\b[\\w./-]+\\.(?:html|md|json|csv|hlog|xml|png)\\b");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** A Markdown task-list box ({@code - [x] }, {@code - [ ] }): syntax, as a tag is, not a word. */
    private static final Pattern TASK_BOX = Pattern.compile("(?m)^(\\s*[-*] )\\[[ xX]]");
    private static final Pattern ENTITY = Pattern.compile("&[a-zA-Z#0-9]+;");

    private LanguageLint() {
    }

    /** Every sentence of {@code page} (HTML or Markdown) in the other language than {@code locale}. */
    public static List<String> offences(String page, ReportLocale locale) {
        String prose = EXEMPT_BLOCKS.matcher(page).replaceAll("\n");
        prose = TAG.matcher(prose).replaceAll("\n");
        prose = TASK_BOX.matcher(prose).replaceAll("$1");
        prose = ENTITY.matcher(prose).replaceAll(" ");
        prose = URL.matcher(prose).replaceAll(" ");
        List<String> offences = new ArrayList<>();
        for (String sentence : prose.split("\\n|\\|")) {
            String trimmed = sentence.strip();
            if (!trimmed.isEmpty() && offends(trimmed, locale)) {
                offences.add(trimmed);
            }
        }
        return offences;
    }

    /** How many times {@code word} stands as a whole word in {@code text} (e.g. a page naming its zone once). */
    public static int occurrences(String text, String word) {
        Matcher matcher = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static boolean offends(String sentence, ReportLocale locale) {
        if (locale == ReportLocale.EN) {
            return HANGUL.matcher(sentence).find();
        }
        Matcher words = LATIN_WORD.matcher(sentence);
        while (words.find()) {
            String word = words.group().replaceAll("\\.+$", "");
            if (word.chars().anyMatch(Character::isLetter) && !KOREAN_PAGE_LATIN.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
