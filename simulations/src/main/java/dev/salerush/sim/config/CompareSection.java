package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code compare} section: which comparisons {@code -Dprofile=compare} runs, and what each of their runs sets. */
final class CompareSection {
    private static final ConfigRenderOptions AS_FILE = ConfigRenderOptions.defaults().setOriginComments(false)
            .setComments(false).setJson(false).setFormatted(true);

    private CompareSection() {
    }

    /**
     * The comparisons of {@code compare.pairs}, in order, each checked against {@code compare.comparisons} and the
     * drill catalogue; a name that is not there is refused naming the known ones.
     */
    static List<Comparison> read(ConfigReader root, Set<String> catalogue) {
        ConfigReader compare = root.child("compare");
        ConfigReader comparisons = compare.child("comparisons");
        Set<String> known = comparisons.keys();
        List<Comparison> pairs = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (String name : compare.stringList("pairs")) {
            String trimmed = name.trim();
            if (!known.contains(trimmed)) {
                throw new ConfigError(compare.key("pairs") + ": no comparison named '" + trimmed + "'; known: "
                        + String.join(", ", known));
            }
            if (!named.add(trimmed)) {
                throw new ConfigError(compare.key("pairs") + " names '" + trimmed + "' twice");
            }
            pairs.add(comparison(comparisons.child(ConfigUtil.joinPath(trimmed)), trimmed, catalogue));
        }
        if (pairs.isEmpty()) {
            throw new ConfigError(compare.key("pairs") + " is empty; known comparisons: " + String.join(", ", known));
        }
        return List.copyOf(pairs);
    }

    private static Comparison comparison(ConfigReader comparison, String name, Set<String> catalogue) {
        String drill = comparison.nonBlank("drill").trim();
        if (!catalogue.contains(drill)) {
            throw new ConfigError(comparison.key("drill") + ": no drill named '" + drill + "'; the catalogue "
                    + "(drills.catalogue) has " + String.join(", ", catalogue));
        }
        return new Comparison(name, drill, side(comparison, Comparison.Side.WITHOUT),
                side(comparison, Comparison.Side.WITH));
    }

    private static Comparison.Side side(ConfigReader comparison, String name) {
        Config settings = comparison.section(name);
        List<String> keys = settings.entrySet().stream().map(Map.Entry::getKey).sorted().toList();
        for (String key : List.of("profile", "drill", "compare")) {
            if (keys.stream().anyMatch(k -> k.equals(key) || k.startsWith(key + "."))) {
                throw new ConfigError(comparison.key(name) + " sets " + key + ": the comparison sets it for each run");
            }
        }
        return new Comparison.Side(name, settings.root().render(AS_FILE), keys);
    }
}
