package dev.salerush.sim.report;

import io.pebbletemplates.pebble.extension.escaper.SafeString;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run pages' bundle ({@link Messages#RUN_PAGES}) worded for one kind of page. A message writes code font as
 * Markdown does, {@code `like this`}: on an HTML page it becomes {@code <code>}, the rest is escaped; in Markdown it
 * stays as written. Arguments fill {@code {0}}, {@code {1}}, … in one pass, each escaped for the page, so no data (a
 * request name, a failure message) can add markup or a placeholder.
 */
final class PageText {
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** The message that shows a string of the run's record or a team's identifier as written (summary.json's). */
    static final String RECORD = "record";

    private final Messages messages;
    private final boolean html;
    private final Map<String, Object> worded;

    PageText(Messages messages, boolean html) {
        this.messages = messages;
        this.html = html;
        Map<String, Object> all = new LinkedHashMap<>();
        messages.all().forEach((key, text) -> all.put(key, page(html ? CODE.matcher(escape(text))
                .replaceAll("<code>$1</code>") : text)));
        this.worded = new Bundle(all);
    }

    /** The bundle as the templates' {@code m}: each message ready to print; an unknown key is an error. */
    Map<String, Object> messages() {
        return worded;
    }

    /** A worded message (from {@link #messages()}) with its placeholders filled. */
    Object fill(Object message, List<?> args) {
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(message));
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int i = Integer.parseInt(placeholder.group(1));
            String arg = i < args.size() ? argument(args.get(i)) : placeholder.group();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(arg));
        }
        placeholder.appendTail(out);
        return page(out.toString());
    }

    Object say(Sentence sentence) {
        return fill(worded.get(sentence.key()), sentence.args());
    }

    /** A string of the run's record (engine text, a name) as the bundle's {@code record} message shows it. */
    Object record(Object value) {
        return value == null ? page(Formats.NOT_MEASURED) : say(Sentence.of(RECORD, value));
    }

    private String argument(Object value) {
        if (value instanceof Sentence sentence) {
            return say(sentence).toString();
        }
        if (value instanceof SafeString safe) {
            return safe.toString();
        }
        return html ? escape(value == null ? Formats.NOT_MEASURED : value.toString())
                : value == null ? Formats.NOT_MEASURED : value.toString();
    }

    private Object page(String text) {
        return html ? new SafeString(text) : text;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The worded messages; a key the bundle lacks fails the page rather than leaving a blank in it. */
    private final class Bundle extends AbstractMap<String, Object> {
        private final Map<String, Object> texts;

        Bundle(Map<String, Object> texts) {
            this.texts = Map.copyOf(texts);
        }

        @Override
        public Object get(Object key) {
            Object text = texts.get(key);
            if (text == null) {
                throw new IllegalStateException("no message '" + key + "' in the " + messages.locale().key()
                        + " bundle of the run pages");
            }
            return text;
        }

        @Override
        public boolean containsKey(Object key) {
            return texts.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return texts.entrySet();
        }
    }
}
