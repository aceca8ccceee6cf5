package dev.salerush.sim.config;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How every page and notice of a run is written ({@code report { locale, zone, templates, authors }}): one language,
 * one clock, the team's own wording where its templates folder has a file of a default's name, and the incident
 * reports' authors.
 *
 * @param locale    the language of every page and notice
 * @param zone      the time zone every time is shown in (named once per page)
 * @param templates the team's folder whose files replace the defaults of the same name; null: the defaults only
 * @param authors   who wrote the incident reports (작성자·참여자), in order; empty: not recorded
 */
public record ReportSettings(ReportLocale locale, ZoneId zone, Path templates, List<String> authors) {
    public static final String ZONE_KEY = "report.zone";
    public static final String TEMPLATES_KEY = "report.templates";
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Every file a team may put in its templates folder, by its path there (the defaults' paths on the classpath). */
    public static final List<String> TEMPLATE_FILES = List.of(
            "run.html.peb", "summary.md.peb", "index.html.peb", "messages_ko.properties", "messages_en.properties",
            "incident/incident.html.peb", "incident/incident.md.peb", "incident/spof.html.peb",
            "incident/spof.md.peb", "incident/messages_ko.properties", "incident/messages_en.properties",
            "notice/slack_ko.tmpl", "notice/slack_en.tmpl", "plan/plan.html.peb", "plan/plan.md.peb",
            "plan/messages_ko.properties", "plan/messages_en.properties", "findings/findings.html.peb",
            "findings/findings.md.peb", "findings/messages_ko.properties", "findings/messages_en.properties",
            "compare/compare.html.peb", "compare/compare.md.peb", "compare/messages_ko.properties",
            "compare/messages_en.properties");

    public ReportSettings {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** Korean, Korean time, the defaults' wording: what a run gets when nothing is configured. */
    public static ReportSettings defaults() {
        return of(ReportLocale.KO);
    }

    /** The language with its own clock (Asia/Seoul for Korean, UTC for English), default wording, no authors. */
    public static ReportSettings of(ReportLocale locale) {
        return new ReportSettings(locale, defaultZone(locale), null, List.of());
    }

    public ReportSettings withZone(ZoneId zone) {
        return new ReportSettings(locale, zone, templates, authors);
    }

    public ReportSettings withTemplates(Path templates) {
        return new ReportSettings(locale, zone, templates, authors);
    }

    public ReportSettings withAuthors(List<String> authors) {
        return new ReportSettings(locale, zone, templates, authors);
    }

    static ZoneId defaultZone(ReportLocale locale) {
        return locale == ReportLocale.KO ? SEOUL : ZoneId.of("UTC");
    }

    /** {@code report.zone}: a region ID such as {@code Asia/Seoul} or {@code UTC}; blank means the locale's own. */
    public static ZoneId parseZone(String value, ReportLocale locale) {
        if (value == null || value.isBlank()) {
            return defaultZone(locale);
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new ConfigError(ZONE_KEY + " must be a time zone ID such as Asia/Seoul or UTC (empty: Asia/Seoul for"
                    + " ko, UTC for en), got '" + value + "'");
        }
    }

    /**
     * {@code report.templates}: a readable folder, relative to {@code root} unless absolute; blank means none. Every
     * template or bundle in it must be one the suite renders ({@link #TEMPLATE_FILES}), so a misspelt override is an
     * error, not a default that silently stays.
     */
    public static Path parseTemplates(String value, Path root) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path folder = root.resolve(value.trim()).normalize();
        if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
            throw new ConfigError(TEMPLATES_KEY + " must name a readable folder of templates, got '" + value + "' ("
                    + folder + ")");
        }
        unknownIn(folder).ifPresent(name -> {
            throw new ConfigError(TEMPLATES_KEY + ": '" + name + "' in " + folder + " is not a file the suite renders;"
                    + " known: " + String.join(", ", TEMPLATE_FILES));
        });
        return folder;
    }

    /** What a template or a bundle is named: any other file (a README, .gitkeep) may sit beside them. */
    private static final List<String> TEMPLATE_KINDS = List.of(".peb", ".properties", ".tmpl");

    /** The first template or bundle below {@code folder} that is none of {@link #TEMPLATE_FILES}, by its path there. */
    private static Optional<String> unknownIn(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> TEMPLATE_KINDS.stream().anyMatch(name::endsWith))
                    .filter(name -> !TEMPLATE_FILES.contains(name))
                    .sorted().findFirst();
        } catch (IOException e) {
            throw new ConfigError(TEMPLATES_KEY + ": cannot list " + folder + ": " + e.getMessage());
        }
    }

    /** {@code report.authors}: a list of names, or one string of names separated by commas ({@code -Dreport.authors=a,b}). */
    public static List<String> parseAuthors(List<String> values) {
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}
