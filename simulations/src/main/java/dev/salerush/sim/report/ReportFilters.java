package dev.salerush.sim.report;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The templates' formatting filters (see {@link Formats}): {@code num}, {@code num(0)}, {@code pct}, {@code mb},
 * {@code utc}, {@code duration}, {@code mdcell}: plain text, so HTML autoescaping still applies; and {@code codes}
 * ({@link CodeSpans}), which escapes itself.
 */
final class ReportFilters extends AbstractExtension {

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "num", withDecimals(Formats::number),
                "pct", simple(Formats::percentOfFraction),
                "mb", simple(Formats::megabytes),
                "utc", simple(Formats::time),
                "duration", simple(Formats::duration),
                "mdcell", simple(Formats::markdownCell),
                "codes", new CodeSpans());
    }

    private static Filter simple(Function<Object, String> format) {
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
}
