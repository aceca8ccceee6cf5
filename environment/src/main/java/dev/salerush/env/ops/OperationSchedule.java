package dev.salerush.env.ops;


import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a schedule of operations: entries separated by {@code ;}, each {@code <offset> <operation> [argument]},
 * e.g. {@code "20s kill-instance shop-1; 40s restart-instance shop-1"}. Offsets count from the start of the load.
 */
public final class OperationSchedule {
    private static final Pattern ENTRY = Pattern.compile("(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final Pattern INSTANCE = Pattern.compile("[a-z][a-z0-9-]*");

    private OperationSchedule() {
    }

    /**
     * The schedule, in time order.
     *
     * @throws IllegalArgumentException naming the entry and the allowed form
     */
    public static List<ScheduledOperation> parse(String text) {
        List<ScheduledOperation> schedule = new ArrayList<>();
        for (String raw : text.split(";")) {
            String entry = raw.trim();
            if (!entry.isEmpty()) {
                schedule.add(parseEntry(entry));
            }
        }
        schedule.sort(Comparator.comparing(ScheduledOperation::at));
        return List.copyOf(schedule);
    }

    private static ScheduledOperation parseEntry(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not '<offset> <operation> [argument]', e.g. "
                    + "'20s kill-instance shop-1'");
        }
        Duration at = duration(m.group(1), entry);
        Operation operation = Operation.named(m.group(2)).orElseThrow(() -> new IllegalArgumentException(
                "'" + entry + "': unknown operation '" + m.group(2) + "'; allowed: " + String.join(", ", Operation.names())));
        String argument = m.group(3) == null ? "" : m.group(3);
        checkArgument(operation, argument, entry);
        return new ScheduledOperation(at, operation, argument);
    }

    private static void checkArgument(Operation operation, String argument, String entry) {
        boolean ok = switch (operation.argument()) {
            case NONE -> argument.isEmpty();
            case INSTANCE -> argument.isEmpty() || INSTANCE.matcher(argument).matches();
            case VERSION -> isVersion(argument);
            case DURATION -> DURATION.matcher(argument).matches();
            case STATUS -> argument.matches("[1-5]\\d\\d");
        };
        if (!ok) {
            String form = operation.argument() == Operation.Argument.NONE ? "no argument" : operation.argument().form();
            throw new IllegalArgumentException("'" + entry + "': " + operation.configName() + " takes " + form
                    + (argument.isEmpty() ? "" : ", got '" + argument + "'"));
        }
    }

    private static boolean isVersion(String argument) {
        try {
            ShopVersion.parse(argument);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code 500ms}, {@code 20s}, {@code 1.5m}. */
    public static Duration duration(String text, String entry) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + entry + "': '" + text + "' is not a duration such as 500ms, 20s "
                    + "or 2m");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            default -> amount * 60_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}
