package dev.salerush.sim.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Whether a run went through its load phase ({@code complete}) or was interrupted or never started ({@code partial}). */
public enum RunStatus {
    COMPLETE("complete"),
    PARTIAL("partial");

    private final String json;

    RunStatus(String json) {
        this.json = json;
    }

    public static RunStatus of(boolean completed) {
        return completed ? COMPLETE : PARTIAL;
    }

    @JsonCreator
    public static RunStatus fromJson(String text) {
        return Arrays.stream(values()).filter(s -> s.json.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a run status: '" + text + "'"));
    }

    @JsonValue
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
