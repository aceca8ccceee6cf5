package dev.salerush.sim.report.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * All wording of the incident and SPOF reports, one bundle per language ({@code messages_ko.properties},
 * {@code messages_en.properties} next to the templates, UTF-8). A message takes its arguments as {@code {0}},
 * {@code {1}}, … (plain replacement, so apostrophes need no escaping). The templates get the whole bundle as {@code m}.
 */
final class Messages {
    private static final String BUNDLE = "dev/salerush/sim/report/incident/messages_%s.properties";
    private static final Map<ReportLocale, Messages> LOADED = new EnumMap<>(ReportLocale.class);

    private final ReportLocale locale;
    private final Map<String, String> texts;

    private Messages(ReportLocale locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
    }

    static synchronized Messages of(ReportLocale locale) {
        return LOADED.computeIfAbsent(locale, l -> new Messages(l, load(String.format(BUNDLE, l.key()))));
    }

    ReportLocale locale() {
        return locale;
    }

    /** The message, its {@code {i}} replaced by the arguments; a missing key is a bug, not a blank in a report. */
    String get(String key, Object... args) {
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
    String find(String prefix, String name) {
        return name == null ? null : texts.get(prefix + name);
    }

    /** The bundle's name for a value (e.g. {@code verdict.pass}), or the value itself ("—" when null). */
    String label(String prefix, String value) {
        String label = find(prefix, value);
        return label != null ? label : Texts.text(value);
    }

    Map<String, String> all() {
        return texts;
    }

    private static Map<String, String> load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing on the classpath: " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return Map.copyOf(texts);
    }
}
