package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the Pebble templates next to this class (and below it, e.g. {@code incident/incident.html.peb}): HTML with
 * autoescaping, Markdown without, each in the settings' language and zone ({@link PageExtension}). A team's templates
 * folder ({@code report.templates}) is looked in first, by the same path ({@code ReportSettings.TEMPLATE_FILES}).
 */
public final class Templates {
    /** One engine per kind of page, language, zone and templates folder: its filters and {@code m} are theirs. */
    private record EngineKey(boolean html, ReportSettings settings) {
    }

    private static final Map<EngineKey, PebbleEngine> ENGINES = new ConcurrentHashMap<>();

    private Templates() {
    }

    public static String html(String template, Map<String, Object> model, ReportSettings settings) {
        return render(engine(true, settings), template, model);
    }

    public static String markdown(String template, Map<String, Object> model, ReportSettings settings) {
        return render(engine(false, settings), template, model);
    }

    private static PebbleEngine engine(boolean html, ReportSettings settings) {
        // authors are not worded by the run pages: one engine serves every list of them
        ReportSettings key = settings.withAuthors(List.of());
        return ENGINES.computeIfAbsent(new EngineKey(html, key), k -> build(k.html(), k.settings()));
    }

    private static String render(PebbleEngine engine, String name, Map<String, Object> model) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, model, Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static PebbleEngine build(boolean html, ReportSettings settings) {
        List<Loader<?>> loaders = new ArrayList<>();
        if (settings.templates() != null) {
            loaders.add(new FileLoader(settings.templates().toAbsolutePath().toString()));
        }
        ClasspathLoader defaults = new ClasspathLoader(Templates.class.getClassLoader());
        defaults.setPrefix(TemplateFiles.CLASSPATH_PREFIX);
        loaders.add(defaults);
        return new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(html)
                .newLineTrimming(true)
                .strictVariables(false)
                .defaultLocale(Locale.ROOT)
                .extension(new PageExtension(settings, html))
                .build();
    }
}
