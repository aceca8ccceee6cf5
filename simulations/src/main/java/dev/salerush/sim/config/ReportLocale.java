package dev.salerush.sim.config;


import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The language of the incident and SPOF reports: Korean unless configured otherwise ({@code report.locale}). */
public enum ReportLocale {
    KO, EN;

    public static final String CONFIG_KEY = "report.locale";

    /** {@code ko} or {@code en} (any case); null means not configured, i.e. Korean. Anything else is a ConfigError. */
    public static ReportLocale parse(String value) {
        if (value == null) {
            return KO;
        }
        return Arrays.stream(values()).filter(l -> l.key().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ConfigError(CONFIG_KEY + " must be one of " + allowed() + ", got '" + value + "'"));
    }

    /** The configuration value and the suffix of the message bundle: {@code ko}, {@code en}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String allowed() {
        return Arrays.stream(values()).map(ReportLocale::key).collect(Collectors.joining(", "));
    }
}
