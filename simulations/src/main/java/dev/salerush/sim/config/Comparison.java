package dev.salerush.sim.config;

import java.util.List;

/**
 * One comparison of {@code compare.comparisons}: the drill both of its runs perform, and what each run adds to the
 * configuration — the run without the mitigation, then the one with it.
 *
 * @param name  the comparison's name, e.g. {@code instance-crash}
 * @param drill the catalogue drill both runs perform
 */
public record Comparison(String name, String drill, Side without, Side with) {

    /** Both runs, the one without the mitigation first. */
    public List<Side> sides() {
        return List.of(without, with);
    }

    /**
     * What one run adds to the configuration.
     *
     * @param name     {@code without} or {@code with}
     * @param settings the settings as the text of a configuration file (HOCON, UTF-8), layered over the run's own
     * @param keys     every key the settings set, so that the same key given with -D cannot override them
     */
    public record Side(String name, String settings, List<String> keys) {
        public static final String WITHOUT = "without";
        public static final String WITH = "with";
    }
}
