package dev.salerush.sim.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of a judgement, as summary.json spells it. A run's verdict is always {@link #PASS} or {@link #FAIL};
 * a section that could not be judged says why instead: order integrity {@link #SKIPPED} (nothing could be checked)
 * or the regression gate's {@link #NO_BASELINE} (nothing to compare with). Neither fails a run.
 */
public enum Verdict {
    PASS("pass"),
    FAIL("fail"),
    SKIPPED("skipped"),
    NO_BASELINE("no baseline");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    /** Pass unless {@code passed} is false. */
    public static Verdict of(boolean passed) {
        return passed ? PASS : FAIL;
    }

    /** The verdict spelled {@code text} in summary.json; anything else is not a verdict (hand edits). */
    @JsonCreator
    public static Verdict fromJson(String text) {
        return Arrays.stream(values()).filter(v -> v.json.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a verdict: '" + text + "'"));
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** Upper case, for the console and page banners: PASS, FAIL, NO BASELINE. */
    public String label() {
        return json.toUpperCase(Locale.ROOT);
    }

    public boolean failed() {
        return this == FAIL;
    }

    /** As summary.json has it, so text and templates print "pass", not "PASS". */
    @Override
    public String toString() {
        return json;
    }
}
