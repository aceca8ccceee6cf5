package dev.salerush.sim.drills;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.salerush.sim.metrics.Verdict;

import java.util.Arrays;

/**
 * The outcome of one drill, as summary.json's {@code drills[].verdict} spells it. A drill passes and fails as a run
 * does (same spelling), and may also be {@link #ABORTED}: the abort guard ended the fault, or the steady state never
 * held so no fault was injected; or {@link #INCONCLUSIVE}: the fault ended by itself before the first action (a held
 * fault ran out, or the system healed on its own), so the drill proved nothing about the response. Only a pass passes.
 */
public enum DrillVerdict {
    PASS(Verdict.PASS.json()),
    FAIL(Verdict.FAIL.json()),
    ABORTED("aborted"),
    INCONCLUSIVE("inconclusive");

    private final String json;

    DrillVerdict(String json) {
        this.json = json;
    }

    /** The verdict spelled {@code text} in summary.json. */
    @JsonCreator
    public static DrillVerdict fromJson(String text) {
        return Arrays.stream(values()).filter(v -> v.json.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a drill verdict: '" + text + "'"));
    }

    @JsonValue
    public String json() {
        return json;
    }

    public boolean passed() {
        return this == PASS;
    }

    /** As summary.json has it, so text and templates print "pass", not "PASS". */
    @Override
    public String toString() {
        return json;
    }
}
