package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the templates of one language, zone and kind of page (HTML or Markdown) write with. Globals: {@code m} (the
 * run pages' bundle, worded by {@link PageText}), {@code lang} ({@code ko}, {@code en}) and {@code zone} (the name
 * the page gives its times' zone, once). Filters: {@code num}, {@code num(0)}, {@code pct}, {@code mb},
 * {@code time} (in the page's zone, see {@link PageClock}), {@code duration}, {@code mdcell}, and for words:
 * {@code m['key'] | fill(a, b)}, {@code sentence | say} (a {@link Sentence} built in Java; anything else as a
 * record), {@code value | record} (a string of the run's record or a team's identifier, as the bundle shows it: in
 * code font on a Korean page) and {@code text | codes} (finished text whose backtick spans become code, see
 * {@link CodeSpans}: the incident reports').
 * A template's own model shadows the globals (the incident reports bring their own {@code m}).
 */
final class PageExtension extends AbstractExtension {
    private final ReportSettings settings;
    private final PageText text;
    private final PageClock clock;

    PageExtension(ReportSettings settings, boolean html) {
        this.settings = settings;
        this.text = new PageText(Messages.of(Messages.RUN_PAGES, settings), html);
        this.clock = new PageClock(settings.zone());
    }

    @Override
    public Map<String, Object> getGlobalVariables() {
        return Map.of("m", text.messages(), "lang", settings.locale().key(),
                "zone", clock.abbreviated() ? clock.name() : text.record(clock.name()));
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "num", withDecimals(Formats::number),
                "pct", simple(Formats::percentOfFraction),
                "mb", simple(Formats::megabytes),
                "time", simple(clock::format),
                "duration", simple(this::duration),
                "mdcell", simple(Formats::markdownCell),
                "fill", positional(text::fill),
                "say", simple(sentence -> sentence instanceof Sentence s ? text.say(s) : text.record(sentence)),
                "record", simple(text::record),
                "codes", simple(CodeSpans::filter));
    }

    /** Seconds as "6 min 12 s" ("6분 12초"). */
    private Object duration(Object seconds) {
        if (!(seconds instanceof Number n)) {
            return Formats.number(seconds);
        }
        long s = Math.round(n.doubleValue());
        Sentence worded = s < 60 ? Sentence.of("duration.seconds", s)
                : s < 3600 ? Sentence.of("duration.minutes", s / 60, s % 60)
                : Sentence.of("duration.hours", s / 3600, (s % 3600) / 60);
        return text.say(worded);
    }

    private static Filter simple(Function<Object, Object> format) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int lineNumber) {
                return format.apply(input);
            }
        };
    }

    private static Filter withDecimals(BiFunction<Object, Integer, String> format) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of("decimals");
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int lineNumber) {
                Object decimals = args.get("decimals");
                return format.apply(input, decimals instanceof Number n ? n.intValue() : 2);
            }
        };
    }

    /** A filter of any number of arguments; Pebble names unnamed ones by their position ("0", "1", …). */
    private static Filter positional(BiFunction<Object, List<Object>, Object> apply) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return null;
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int lineNumber) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; args.containsKey(String.valueOf(i)); i++) {
                    values.add(args.get(String.valueOf(i)));
                }
                return apply.apply(input, values);
            }
        };
    }
}
