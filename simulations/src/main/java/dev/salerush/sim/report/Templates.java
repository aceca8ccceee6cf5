package dev.salerush.sim.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the Pebble templates next to this class (and below it, e.g. {@code incident/incident.html.peb}): HTML with
 * autoescaping, Markdown without.
 */
public final class Templates {
    private static final String PREFIX = "dev/salerush/sim/report/";
    private static final PebbleEngine HTML = engine(true);
    private static final PebbleEngine MARKDOWN = engine(false);

    private Templates() {
    }

    public static String html(String template, Map<String, Object> model) {
        return render(HTML, template, model);
    }

    public static String markdown(String template, Map<String, Object> model) {
        return render(MARKDOWN, template, model);
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

    private static PebbleEngine engine(boolean autoEscaping) {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix(PREFIX);
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(autoEscaping)
                .newLineTrimming(true)
                .strictVariables(false)
                .defaultLocale(Locale.ROOT)
                .extension(new ReportFilters())
                .build();
    }
}
