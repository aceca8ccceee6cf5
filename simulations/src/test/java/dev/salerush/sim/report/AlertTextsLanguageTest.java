package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's alert rules write the Slack notice's 현상, 고객 영향, 장애 원인 and 조치 내용 (annotations summary,
 * impact, cause, action, in Korean, and their {@code _en} twins): each in its own language, identifiers in backticks,
 * as the pages. A template expression ({@code {{ $labels.shop }}}) stands for its value.
 */
class AlertTextsLanguageTest {
    private static final Pattern ANNOTATION = Pattern.compile("^\\s+(summary|impact|cause|action)(_en)?: \"(.*)\"$");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");

    @Test
    void everyAnnotationIsInItsOwnLanguage() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestConfigs.PROJECT_ROOT.resolve("conf/alerts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher annotation = ANNOTATION.matcher(line);
                    if (annotation.matches()) {
                        ReportLocale locale = annotation.group(2) == null ? ReportLocale.KO : ReportLocale.EN;
                        String text = TEMPLATE.matcher(annotation.group(3)).replaceAll("0");
                        LanguageLint.offences(text, locale).forEach(o -> offences.add(file.getFileName() + ": " + o));
                    }
                }
            }
        }

        assertThat(offences).as("annotations with words of the other language").isEmpty();
    }
}
