package dev.salerush.sim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the files a team may replace through {@code report.templates} ({@code ReportSettings.TEMPLATE_FILES}): each
 * default's path below {@code dev/salerush/sim/report/} on the classpath, and the same path below the team's folder.
 * A page template replaces the default whole; a message bundle replaces only the keys it has, so a team rewords one
 * sentence without copying the rest.
 */
public final class TemplateFiles {
    static final String CLASSPATH_PREFIX = "dev/salerush/sim/report/";

    private TemplateFiles() {
    }

    /** The text of a default file, or the team's file of the same name when its folder has one. */
    public static String text(String name, Path overrides) {
        Path own = overrides == null ? null : overrides.resolve(name);
        try {
            if (own != null && Files.isRegularFile(own)) {
                return Files.readString(own, StandardCharsets.UTF_8);
            }
            try (InputStream in = resource(name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** A message bundle (UTF-8 properties): the default's keys, each replaced by the team's file's when it has it. */
    public static Map<String, String> bundle(String name, Path overrides) {
        Map<String, String> texts = new TreeMap<>();
        try (InputStream in = resource(name)) {
            load(in, texts);
            Path own = overrides == null ? null : overrides.resolve(name);
            if (own != null && Files.isRegularFile(own)) {
                try (InputStream team = Files.newInputStream(own)) {
                    load(team, texts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message bundle " + name, e);
        }
        return Map.copyOf(texts);
    }

    private static void load(InputStream in, Map<String, String> into) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        properties.stringPropertyNames().forEach(key -> into.put(key, properties.getProperty(key)));
    }

    private static InputStream resource(String name) {
        InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_PREFIX + name);
        if (in == null) {
            throw new IllegalStateException("missing on the classpath: " + CLASSPATH_PREFIX + name);
        }
        return in;
    }
}
