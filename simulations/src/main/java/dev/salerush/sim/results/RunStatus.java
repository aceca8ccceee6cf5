package dev.salerush.sim.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** Whether a run went through its load phase ({@code complete}) or was interrupted or never started ({@code partial}). */
public enum RunStatus {
    @JsonProperty("complete") COMPLETE,
    @JsonProperty("partial") PARTIAL;

    public static RunStatus of(boolean completed) {
        return completed ? COMPLETE : PARTIAL;
    }

    /** As summary.json spells it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return json();
    }
}
