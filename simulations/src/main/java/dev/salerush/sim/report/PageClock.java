package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The clock of a page ({@code report.zone}): every time on it in one zone, written without the zone's name, which
 * the page states once (the header, a column heading). The charts get the zone's ID and show their axis in it too.
 */
public final class PageClock {
    private final ZoneId zone;
    private final DateTimeFormatter format;

    public PageClock(ZoneId zone) {
        this.zone = zone;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** An instant, epoch millis or ISO-8601 text as {@code 2026-12-07 14:05:09}; anything else as is. */
    public String format(Object value) {
        if (value == null) {
            return Formats.NOT_MEASURED;
        }
        try {
            Instant instant = value instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                    : value instanceof Instant i ? i : Instant.parse(value.toString());
            return format.format(instant);
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    /** What a reader calls the zone: KST, UTC, or else its ID ({@code Europe/Berlin}). */
    public String name() {
        if (zone.equals(ReportSettings.SEOUL)) {
            return "KST";
        }
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Whether {@link #name()} is an abbreviation a page writes in prose, not an identifier. */
    public boolean abbreviated() {
        return name().equals("KST") || name().equals("UTC");
    }

    /** The IANA ID the page's script formats chart times with. */
    public String id() {
        return zone.getId();
    }
}
