package dev.salerush.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A sentence of the run pages' bundle with its arguments, worded when the page is rendered ({@code | say}): Java
 * decides what is said (from the typed summary), the bundle how. An argument may itself be a sentence (a verdict word
 * in a reason); whether an argument shows in code font is the bundle's choice (backticks around its placeholder).
 */
record Sentence(String key, List<Object> args) {

    /** A null argument is allowed: it reads as not measured ("–"). */
    public Sentence {
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    static Sentence of(String key, Object... args) {
        return new Sentence(key, Arrays.asList(args));
    }
}
