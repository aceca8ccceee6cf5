package dev.salerush.sim.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text from the configuration that a page shows, in each report language: {@code { ko = "…", en = "…" }}, or a
 * plain string meaning both (a team writing for one language only).
 */
public record LocalizedText(String ko, String en) {
    private static final Set<String> LANGUAGES = Set.of("ko", "en");

    public LocalizedText {
        Objects.requireNonNull(ko, "ko");
        Objects.requireNonNull(en, "en");
    }

    /** The same text in every language. */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, text);
    }

    public String in(ReportLocale locale) {
        return locale == ReportLocale.EN ? en : ko;
    }

    /** Both texts, as summary.json keeps them: {@code {"ko": …, "en": …}}. */
    public Map<String, String> json() {
        return Map.of("ko", ko, "en", en);
    }

    /** The value at {@code key}: a string, or an object with exactly the keys ko and en, neither blank when required. */
    static LocalizedText read(ConfigReader reader, String key, boolean required) {
        ConfigValue value = reader.value(key);
        if (value.valueType() == ConfigValueType.STRING) {
            String text = String.valueOf(value.unwrapped());
            if (required && text.isBlank()) {
                throw new ConfigError(reader.key(key) + " must not be empty");
            }
            return of(text);
        }
        if (value.valueType() == ConfigValueType.OBJECT) {
            ConfigReader texts = reader.child(key);
            if (!LANGUAGES.containsAll(((ConfigObject) value).keySet()) || !texts.has("ko") || !texts.has("en")) {
                throw new ConfigError(reader.key(key) + " must have exactly the keys ko and en, got "
                        + ((ConfigObject) value).keySet());
            }
            return new LocalizedText(required ? texts.nonBlank("ko") : texts.string("ko"),
                    required ? texts.nonBlank("en") : texts.string("en"));
        }
        throw new ConfigError(reader.key(key) + " must be a text, or { ko = \"…\", en = \"…\" } with one per language;"
                + " got " + value.valueType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
