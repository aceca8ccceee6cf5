package dev.salerush.sim.report;

import io.pebbletemplates.pebble.extension.escaper.SafeString;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code codes} filter: a page's text with its identifiers (alert, metric, step and instance names, commands,
 * the engine's own records) between backticks, as the Markdown pages write them, escaped for HTML with each
 * {@code `…`} set in {@code <code>}. One text serves both page kinds, so the code font never depends on the format.
 */
public final class CodeSpans {
    private static final Pattern SPAN = Pattern.compile("`([^`]*)`");

    private CodeSpans() {
    }

    /** The text escaped, its backtick spans as {@code <code>} elements; safe from the engine's own escaping. */
    static SafeString filter(Object text) {
        return text == null ? null : new SafeString(html(String.valueOf(text)));
    }

    /** The text escaped, its backtick spans as {@code <code>} elements. */
    static String html(String text) {
        Matcher spans = SPAN.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (spans.find()) {
            out.append(escape(text.substring(last, spans.start())))
                    .append("<code>").append(escape(spans.group(1))).append("</code>");
            last = spans.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    /** Marks an identifier as code in a page's text. */
    public static String code(Object identifier) {
        return "`" + String.valueOf(identifier).replace("`", "'") + "`";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
