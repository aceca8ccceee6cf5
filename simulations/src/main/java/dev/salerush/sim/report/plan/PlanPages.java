package dev.salerush.sim.report.plan;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.report.PageAssets;
import dev.salerush.sim.report.PageClock;
import dev.salerush.sim.report.Templates;
import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test plan (테스트 계획서, "부하테스트 시나리오 및 진행 문서"), from the configuration alone, before any load: the
 * target scope, the situation, the data counts, the scenario document's cautions as a checklist with what the suite
 * does for each, the DAU → rps → VU derivation, and per profile the load, the expected responses and the duration.
 * Written as {@code plan.html} and {@code plan.md} into every run folder when it is created, and alone into
 * {@code results/plans/<profile>/} by {@code -Dplan.only=true}; Korean unless {@code report.locale = en}.
 */
public final class PlanPages {
    /** The plan's wording: {@code plan/messages_ko.properties}, {@code plan/messages_en.properties}. */
    public static final String BUNDLE = "plan/messages";
    static final String HTML_TEMPLATE = "plan/plan.html.peb";
    static final String MARKDOWN_TEMPLATE = "plan/plan.md.peb";

    private PlanPages() {
    }

    /** Writes plan.html and plan.md into {@code dir} (atomically) and returns the page. */
    public static Path write(Path dir, SuiteConfig config, PlanSubject subject) {
        Instant now = Instant.now();
        Path page = dir.resolve(RunFiles.PLAN_PAGE);
        AtomicFiles.writeString(page, html(config, subject, now));
        AtomicFiles.writeString(dir.resolve(RunFiles.PLAN_MARKDOWN), markdown(config, subject, now));
        return page;
    }

    /** Writes the selected profile's plan alone into {@code results/plans/<profile>/}; returns the page. */
    public static Path writeAlone(SuiteConfig config, String simulation, boolean shopJourneys) {
        Path dir = config.resultsDir().resolve(RunFiles.PLANS).resolve(config.profile().name());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return write(dir, config, PlanSubject.alone(simulation, shopJourneys));
    }

    public static String html(SuiteConfig config, PlanSubject subject, Instant writtenAt) {
        Map<String, Object> model = model(config, subject, writtenAt);
        model.put("styles", PageAssets.get().styles);
        return Templates.html(HTML_TEMPLATE, model, config.report());
    }

    public static String markdown(SuiteConfig config, PlanSubject subject, Instant writtenAt) {
        return Templates.markdown(MARKDOWN_TEMPLATE, model(config, subject, writtenAt), config.report());
    }

    /** What both templates show, worded in the report's language. */
    static Map<String, Object> model(SuiteConfig config, PlanSubject subject, Instant writtenAt) {
        ReportSettings settings = config.report();
        Messages messages = Messages.of(BUNDLE, settings);
        Words w = new Words(messages);
        String profile = config.profile().name();
        boolean embedded = config.target().embedded();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", messages.all());
        model.put("lang", settings.locale().key());
        model.put("profile", profile);
        model.put("heading", w.get("heading", Words.code(profile)));
        model.put("written", w.get("meta.written", writtenAt(writtenAt, settings)));
        model.put("origin", subject.isAlone() ? w.get("meta.alone", Words.code("-Dplan.only=true"))
                : w.get("meta.run", Words.code(subject.runId())));
        model.put("reportHref", subject.isAlone() ? null : RunFiles.REPORT_PAGE);
        model.put("indexHref", (subject.isAlone() ? "../../" : "../") + RunFiles.RESULTS_INDEX);
        model.put("scope", TargetScope.of(config, subject, w));
        model.put("situation", situation(config, w));
        model.put("dataIntro", w.get(embedded ? "data.intro.embedded" : "data.intro.external"));
        model.put("data", DataCounts.of(config.dataset(), w));
        model.put("loadedHeading", w.get("data.col.loaded", Words.code("dataset.scale = "
                + Words.number(config.dataset().scale(), 4))));
        model.put("dataScale", DataCounts.scaleNote(config.dataset(), embedded, w));
        model.put("cautions", Cautions.of(config, w));
        model.put("traffic", TrafficSteps.of(config.plan(), config.expectedRequestDuration(),
                config.networkAllowance(), w));
        model.put("trafficNote", w.get("traffic.note", w.seconds(config.networkAllowance())));
        List<ProfileOutline> profiles = profiles(config, w);
        model.put("selected", profiles.get(0));
        model.put("profiles", profiles);
        model.put("footer", w.get("footer"));
        return model;
    }

    /** The configured situation with the figures it is about, from the configuration rather than the text. */
    private static String situation(SuiteConfig config, Words w) {
        String text = config.situation().in(config.report().locale()).strip();
        String figures = w.get("situation.figures", Words.count(config.plan().dau()),
                Words.count(config.dataset().brands()), Words.count(config.dataset().products()));
        return text.isEmpty() ? figures : text + " (" + figures + ")";
    }

    /** The selected profile first, then every other one by name; one that does not parse says why. */
    private static List<ProfileOutline> profiles(SuiteConfig config, Words w) {
        List<ProfileOutline> outlines = new ArrayList<>();
        outlines.add(ProfileOutline.of(config.profile(), config.plan(), w, true));
        for (String name : config.profileNames()) {
            if (name.equals(config.profile().name())) {
                continue;
            }
            try {
                outlines.add(ProfileOutline.of(config.profileNamed(name), config.plan(), w, false));
            } catch (ConfigError e) {
                outlines.add(ProfileOutline.unreadable(name, e.getMessage(), w));
            }
        }
        return outlines;
    }

    private static String writtenAt(Instant at, ReportSettings settings) {
        PageClock clock = new PageClock(settings.zone());
        return clock.format(at) + " " + (clock.abbreviated() ? clock.name() : Words.code(clock.name()));
    }
}
