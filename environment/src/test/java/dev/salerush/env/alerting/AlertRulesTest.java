package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.salerush.env.process.ExternalTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus alerting rules the incident drills detect faults with ({@code conf/alerts/*.yml}): promtool checks
 * them and runs their unit tests ({@code conf/alerts/tests/*.yml}), and every alert the drills refer to exists with
 * the labels and annotations the pager and the incident report read.
 *
 * <p>Without promtool (Debian package {@code prometheus}) the promtool test is skipped, unless the environment
 * variable {@code SALERUSH_REQUIRE_ALERTING=1} demands it (CI), then it fails.
 */
class AlertRulesTest {

    /** Every alert other tools refer to by name, and the channel it pages on. Renaming one must fail here. */
    static final Map<String, List<String>> ALERTS = Map.of(
            "system", List.of("ShopInstanceDown", "High5xxRatio", "HighLatencyP95", "HighCpu", "HighHeap",
                    "DbPoolWaits", "DatabaseDown"),
            "business", List.of("OrderRateDrop", "ProductDetailEntryDrop"),
            "external", List.of("PaymentFailureRatio", "PaymentBreakerOpen", "PaymentGatewayDown"),
            "meta", List.of("Watchdog"));

    private static final ExternalTool PROMTOOL = new ExternalTool("promtool", "apt-get install prometheus");
    /** Required; each (and {@code cause} where given) in Korean and, suffixed {@code _en}, in English. */
    private static final List<String> ANNOTATIONS = List.of("summary", "impact", "action");
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3130-\\u318F]");

    @Test
    void promtoolChecksTheRulesAndPassesTheirUnitTests() throws Exception {
        Path promtool = promtool();
        Path alerts = alertsDir();
        run(promtool, alerts, "check", "rules", ymlFiles(alerts));
        run(promtool, alerts, "test", "rules", ymlFiles(alerts.resolve("tests")));
    }

    @Test
    void everyAlertExistsWithItsLabelsAndAnnotations() throws IOException {
        Map<String, Map<?, ?>> found = new LinkedHashMap<>();
        for (Path file : ymlFiles(alertsDir())) {
            String channel = file.getFileName().toString().replace(".yml", "");
            for (Map<?, ?> rule : rules(file)) {
                Object name = rule.get("alert");
                if (name == null) {
                    continue; // a recording rule
                }
                assertThat(found.keySet()).as("alert %s defined twice", name).doesNotContain(name.toString());
                found.put(name.toString(), rule);
                Map<?, ?> labels = map(rule, "labels");
                if (!AlertmanagerConfig.WATCHDOG.equals(name)) { // the incident report's scale, which notices print
                    assertThat(labels.get("severity")).as("%s: label severity", name).isIn(NoticeStyle.SEVERITY_IDS.toArray());
                }
                assertThat(labels.get("channel")).as("%s in %s: label channel", name, file.getFileName())
                        .isEqualTo(channel);
                Map<?, ?> annotations = map(rule, "annotations");
                for (String key : ANNOTATIONS) {
                    assertThat(annotations.get(key)).as("%s: annotation %s", name, key).asString().isNotBlank();
                }
                for (Object key : annotations.keySet()) {
                    String korean = key.toString().replaceFirst("_en$", "");
                    assertThat(annotations.get(korean)).as("%s: annotation %s", name, korean).isNotNull();
                    assertThat(annotations.get(korean + "_en")).as("%s: annotation %s_en", name, korean).asString()
                            .isNotBlank().doesNotContainPattern(HANGUL);
                }
            }
        }
        ALERTS.forEach((channel, names) -> names.forEach(name -> {
            assertThat(found.keySet()).as("alert %s (renamed or removed?) in %s.yml", name, channel).contains(name);
            assertThat(map(found.get(name), "labels").get("channel")).as("%s: channel", name).isEqualTo(channel);
        }));
        assertThat(map(found.get("Watchdog"), "labels").get("severity")).isEqualTo("none");
    }

    private static Path promtool() {
        try {
            return PROMTOOL.locate();
        } catch (ExternalTool.ToolNotFoundException e) {
            if ("1".equals(System.getenv("SALERUSH_REQUIRE_ALERTING"))) {
                fail("promtool is missing: apt-get install prometheus");
            }
            return Assumptions.abort("promtool is missing (apt-get install prometheus);"
                    + " set SALERUSH_REQUIRE_ALERTING=1 to fail instead");
        }
    }

    /** Runs {@code promtool <command> <what> <files>} in {@code dir}; fails with its output unless it exits 0. */
    private static void run(Path promtool, Path dir, String command, String what, List<Path> files)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(promtool.toString(), command, what));
        files.forEach(f -> args.add(dir.relativize(f).toString()));
        Process process = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited && process.exitValue() == 0)
                .as("%s exited %s:%n%s", String.join(" ", args), exited ? process.exitValue() : "(timeout)", output)
                .isTrue();
    }

    /** conf/alerts of the project root: the first directory up from the working directory that has one. */
    static Path alertsDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path alerts = dir.resolve("conf").resolve("alerts");
            if (Files.isDirectory(alerts)) {
                return alerts;
            }
        }
        throw new IllegalStateException("no conf/alerts above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> ymlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yml = files.filter(f -> f.getFileName().toString().endsWith(".yml") && Files.isRegularFile(f))
                    .sorted().toList();
            assertThat(yml).as("*.yml in %s", dir).isNotEmpty();
            return yml;
        }
    }

    private static List<Map<?, ?>> rules(Path file) throws IOException {
        Map<?, ?> root = new Yaml().load(Files.readString(file));
        List<Map<?, ?>> rules = new ArrayList<>();
        for (Object group : (List<?>) root.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                rules.add((Map<?, ?>) rule);
            }
        }
        return rules;
    }

    private static Map<?, ?> map(Map<?, ?> rule, String key) {
        Object value = rule.get(key);
        assertThat(value).as("%s of %s", key, rule.get("alert")).isInstanceOf(Map.class);
        return (Map<?, ?>) value;
    }
}
