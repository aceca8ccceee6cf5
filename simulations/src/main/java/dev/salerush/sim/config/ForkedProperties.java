package dev.salerush.sim.config;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's settings as the run's JVM got them. The Gatling Maven plugin starts that JVM with every
 * non-ASCII character of a {@code -D} value escaped as {@code \\uXXXX} ({@code -Dreport.authors=김민수} arrives as
 * {@code \\uae40\\ubbfc\\uc218}); the escapes are turned back into the characters the user typed.
 */
final class ForkedProperties {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private ForkedProperties() {
    }

    /** A copy of {@code properties} with each value's {@code \\uXXXX} escapes decoded. */
    static Properties decoded(Properties properties) {
        Properties decoded = new Properties();
        properties.stringPropertyNames().forEach(key -> decoded.setProperty(key, decode(properties.getProperty(key))));
        return decoded;
    }

    static String decode(String value) {
        Matcher escape = ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        return escape.appendTail(out).toString();
    }
}
