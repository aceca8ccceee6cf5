package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Refuses settings the suite does not know, so a typo fails loudly instead of being ignored: a key in a project or
 * team file or on the command line must exist in the defaults (reference.conf), with openings for what is a team's
 * own — profiles and drills (their keys must be profile or drill keys), shared SLO lists under {@code slo}, feeders,
 * queries and secrets. Each refusal suggests the nearest key.
 */
final class UnknownKeys {
    private static final Set<String> PROFILE_KEYS = Set.of("description", "journey", "injection", "slo", "stairs");
    /** What a team's own drill (drills.catalogue.&lt;new name&gt;) may set, as the shipped catalogue's drills do. */
    private static final Set<String> DRILL_KEYS = Set.of("description", "description.ko", "description.en", "point",
            "point.ko", "point.en", "fault", "firstAction", "rollback",
            "expectedAlerts", "allowedAlerts", "absorbed", "responderDelay", "responderMode", "undo", "criteria.detectWithin",
            "criteria.notifyWithin", "criteria.recoverWithin");
    /** The JVM's, Maven's and the libraries' own system properties, which reach the Gatling JVM too. */
    private static final List<String> FOREIGN_PREFIXES = List.of("java.", "jdk.", "sun.", "os.", "user.", "file.",
            "line.", "path.", "native.", "awt.", "maven.", "gatling.", "logback.", "salerush.", "jna.", "io.", "org.",
            "com.", "http.", "https.", "ftp.", "socks", "stdout.", "stderr.", "library.", "guice.", "classworlds.");
    /** A command-line key this close to a top-level key is taken for a typo of it. */
    private static final int TYPO_DISTANCE = 2;

    private UnknownKeys() {
    }

    /** Checks every key a team file sets (walked unresolved: it may refer to the shipped file's values). */
    static void checkFile(Config shipped, Config teamFile, String fileName) {
        leafKeys(teamFile.root(), List.of()).forEach(key -> check(shipped, key, fileName));
    }

    private static Stream<String> leafKeys(ConfigObject object, List<String> path) {
        return object.entrySet().stream().flatMap(entry -> {
            List<String> keyPath = Stream.concat(path.stream(), Stream.of(entry.getKey())).toList();
            return entry.getValue() instanceof ConfigObject child
                    ? leafKeys(child, keyPath)
                    : Stream.of(ConfigUtil.joinPath(keyPath));
        });
    }

    /**
     * Checks the command line's keys: those under a top-level key of the configuration, and those that look like a
     * misspelt top-level key (-Dprofle=load). Other system properties belong to the JVM, Maven or Gatling.
     */
    static void checkCommandLine(Config shipped, Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (FOREIGN_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String topLevel = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (shipped.root().containsKey(topLevel)) {
                check(shipped, key, "-D on the command line");
            } else {
                // short keys are only typos when very close: -Dit.test (Maven's) is not a misspelt "ids"
                int allowance = Math.min(TYPO_DISTANCE, topLevel.length() / 3);
                nearest(topLevel, shipped.root().keySet().stream())
                        .filter(near -> distance(near, topLevel) <= allowance)
                        .ifPresent(near -> {
                            throw unknown(key, "-D on the command line", near + key.substring(topLevel.length()));
                        });
            }
        }
    }

    private static void check(Config shipped, String key, String origin) {
        if (shipped.hasPathOrNull(key) || isTeamProfileKey(key) || isTeamDrillKey(key) || key.startsWith("slo.")
                || key.startsWith("ids.feeders.") || key.startsWith("ids.queries.") || key.startsWith("secrets.")
                || key.startsWith("drills.external.headers.")) {
            return;
        }
        throw unknown(key, origin, nearest(key, shipped.entrySet().stream().map(java.util.Map.Entry::getKey)).orElse(null));
    }

    /** drills.catalogue.&lt;any name&gt;.&lt;a drill key&gt;: a team's own drill, or a key the shipped drill leaves out. */
    private static boolean isTeamDrillKey(String key) {
        String prefix = "drills.catalogue.";
        if (!key.startsWith(prefix)) {
            return false;
        }
        String rest = key.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot > 0 && DRILL_KEYS.contains(rest.substring(dot + 1));
    }

    /** profiles.&lt;new name&gt;.&lt;a profile key&gt; (and the keys of a staircase). */
    private static boolean isTeamProfileKey(String key) {
        String[] parts = key.split("\\.");
        if (parts.length < 3 || !parts[0].equals("profiles")) {
            return false;
        }
        if (parts.length == 3) {
            return PROFILE_KEYS.contains(parts[2]);
        }
        if (parts.length < 4 || !parts[2].equals("stairs") || !Stairs.KEYS.contains(parts[3])) {
            return false;
        }
        return switch (parts.length) {
            case 4 -> true;
            case 5 -> parts[3].equals("climb") ? Stairs.Climb.KEYS.contains(parts[4])
                    : parts[3].equals("refine") && Stairs.Refine.KEYS.contains(parts[4]);
            default -> false;
        };
    }

    private static ConfigError unknown(String key, String origin, String suggestion) {
        return new ConfigError("unknown setting '" + key + "' (" + origin + ")"
                + (suggestion == null ? "; every setting is listed in the suite's reference.conf (simulations/src/main/resources)"
                : "; did you mean '" + suggestion + "'?"));
    }

    private static Optional<String> nearest(String key, Stream<String> known) {
        // a typo changes a few letters of one segment: the allowance grows with the last segment, not the whole path
        int allowance = Math.max(TYPO_DISTANCE, key.substring(key.lastIndexOf('.') + 1).length() / 3);
        return known.min(Comparator.comparingInt((String candidate) -> distance(candidate, key)))
                .filter(candidate -> distance(candidate, key) <= allowance);
    }

    /** Levenshtein distance, case-insensitive (baseurl is a typo of baseUrl). */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
