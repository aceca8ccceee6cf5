package dev.salerush.sim.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the Pebble templates next to this class (and below it, e.g. {@code incident/incident.html.peb}): HTML with
 * autoescaping, Markdown without. A team's templates folder ({@code report.templates}) is looked in first, by the
 * same path ({@link TemplateFiles#NAMES}).
 */
public final class Templates {
    private static final Map<Optional<Path>, PebbleEngine> HTML = new ConcurrentHashMap<>();
    private static final Map<Optional<Path>, PebbleEngine> MARKDOWN = new ConcurrentHashMap<>();

    private Templates() {
    }

    public static String html(String template, Map<String, Object> model, Path overrides) {
        return render(HTML.computeIfAbsent(Optional.ofNullable(overrides), o -> engine(true, o)), template, model);
    }

    public static String markdown(String template, Map<String, Object> model, Path overrides) {
        return render(MARKDOWN.computeIfAbsent(Optional.ofNullable(overrides), o -> engine(false, o)), template,
                model);
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

    private static PebbleEngine engine(boolean autoEscaping, Optional<Path> overrides) {
        List<Loader<?>> loaders = new ArrayList<>();
        overrides.ifPresent(folder -> {
            FileLoader own = new FileLoader(folder.toAbsolutePath().toString());
            loaders.add(own);
        });
        ClasspathLoader defaults = new ClasspathLoader(Templates.class.getClassLoader());
        defaults.setPrefix(TemplateFiles.CLASSPATH_PREFIX);
        loaders.add(defaults);
        return new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(autoEscaping)
                .newLineTrimming(true)
                .strictVariables(false)
                .defaultLocale(Locale.ROOT)
                .extension(new ReportFilters())
                .build();
    }
}
