package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wording of a set of pages, one bundle per language ({@code <name>_ko.properties}, {@code <name>_en.properties}
 * next to the templates, UTF-8): {@link #RUN_PAGES} for report.html, summary.md and the index, {@link #INCIDENT} for
 * the incident reports and the SPOF table. A message takes its arguments as {@code {0}}, {@code {1}}, … (plain
 * replacement, so apostrophes need no escaping). The templates get the whole bundle as {@code m}.
 */
public final class Messages {
    /** The run page, its Markdown summary and the results index. */
    public static final String RUN_PAGES = "messages";
    /** The incident reports (장애보고서) and the SPOF table. */
    public static final String INCIDENT = "incident/messages";
    private static final Map<List<Object>, Messages> LOADED = new HashMap<>();

    private final ReportLocale locale;
    private final Map<String, String> texts;

    private Messages(ReportLocale locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
    }

    /** The bundle of the settings' language, with the keys of the team's own bundle of that name, if any. */
    public static synchronized Messages of(String bundle, ReportSettings settings) {
        ReportLocale locale = settings.locale();
        return LOADED.computeIfAbsent(Arrays.asList(bundle, locale, settings.templates()), key -> new Messages(locale,
                TemplateFiles.bundle(bundle + "_" + locale.key() + ".properties", settings.templates())));
    }

    public ReportLocale locale() {
        return locale;
    }

    /** The message, its {@code {i}} replaced by the arguments; a missing key is a bug, not a blank in a report. */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no message '" + key + "' in the " + locale.key() + " bundle");
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The message of {@code prefix + name}, or null when the bundle has none (e.g. a verdict not in the bundle). */
    public String find(String prefix, String name) {
        return name == null ? null : texts.get(prefix + name);
    }

    /** The bundle's name for a value (e.g. {@code verdict.pass}), or the value itself ("—" when null). */
    public String label(String prefix, String value) {
        String label = find(prefix, value);
        return label != null ? label : value == null || value.isBlank() ? "—" : value;
    }

    public Map<String, String> all() {
        return texts;
    }
}
