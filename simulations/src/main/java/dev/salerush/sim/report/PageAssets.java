package dev.salerush.sim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What every page inlines so one file works offline (CI artifact viewers, laptops without internet): Chart.js from
 * its WebJar on the classpath, and the suite's own script and styles.
 */
public final class PageAssets {
    private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/%s/dist/chart.umd.min.js";

    private static volatile PageAssets loaded;

    public final String chartJsVersion;
    public final String chartJs;
    public final String script;
    public final String styles;

    private PageAssets(String chartJsVersion, String chartJs, String script, String styles) {
        this.chartJsVersion = chartJsVersion;
        this.chartJs = chartJs;
        this.script = script;
        this.styles = styles;
    }

    public static PageAssets get() {
        if (loaded == null) {
            Properties pom = new Properties();
            try (InputStream in = resource(CHART_JS_POM)) {
                pom.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String version = pom.getProperty("version");
            loaded = new PageAssets(version, inlineSafe(text(String.format(CHART_JS, version))),
                    inlineSafe(text("dev/salerush/sim/report/report.js")), text("dev/salerush/sim/report/report.css"));
        }
        return loaded;
    }

    /** Inside a script element, "</script" would end it early; the source map comment points at a missing file. */
    private static String inlineSafe(String script) {
        return script.replace("</script", "<\\/script").replaceAll("(?m)^//# sourceMappingURL=.*$", "");
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing on the classpath: " + name
                    + " (the chart.js WebJar and the report resources must be on the classpath)");
        }
        return in;
    }
}
