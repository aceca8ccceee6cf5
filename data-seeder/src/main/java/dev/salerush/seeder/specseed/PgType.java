package dev.salerush.seeder.specseed;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The column types a spec can fill, with their binary COPY encoding and how a spec literal reads as one. */
enum PgType {
    INT2(Kind.NUMBER), INT4(Kind.NUMBER), INT8(Kind.NUMBER), NUMERIC(Kind.NUMBER), FLOAT8(Kind.NUMBER),
    TEXT(Kind.TEXT), BOOL(Kind.BOOL), TIMESTAMPTZ(Kind.TIME), TIMESTAMP(Kind.TIME), DATE(Kind.TIME);

    enum Kind { NUMBER, TEXT, BOOL, TIME }

    /** Timestamps in specs are wall-clock times in Korea (UTC+9, no daylight saving). */
    static final ZoneOffset ZONE = ZoneOffset.ofHours(9);

    /** A point in time as microseconds: UTC for timestamptz, the wall clock for timestamp, midnight for date. */
    record Micros(long value) {
    }

    final Kind kind;

    PgType(Kind kind) {
        this.kind = kind;
    }

    boolean integer() {
        return this == INT2 || this == INT4 || this == INT8;
    }

    /** The type of a catalog type name, or null when specs cannot fill it. */
    static PgType of(String typname) {
        return switch (typname) {
            case "int2" -> INT2;
            case "int4" -> INT4;
            case "int8" -> INT8;
            case "numeric" -> NUMERIC;
            case "float8" -> FLOAT8;
            case "text", "varchar", "bpchar" -> TEXT;
            case "bool" -> BOOL;
            case "timestamptz" -> TIMESTAMPTZ;
            case "timestamp" -> TIMESTAMP;
            case "date" -> DATE;
            default -> null;
        };
    }

    /** Display scale of a numeric column (its typmod), 2 when unconstrained. */
    static int numericScale(int typmod) {
        return typmod < 4 ? 2 : (typmod - 4) & 0xFFFF;
    }

    /** Largest absolute value an integer column holds. */
    long integerMax() {
        return switch (this) {
            case INT2 -> Short.MAX_VALUE;
            case INT4 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** Parses a spec literal as a value of this type; throws IllegalArgumentException saying what is allowed. */
    Object parse(String literal) {
        try {
            return switch (kind) {
                case NUMBER -> integer() ? (Object) Long.parseLong(literal.strip()) : (Object) Double.parseDouble(literal.strip());
                case TEXT -> literal;
                case BOOL -> switch (literal.strip().toLowerCase()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + literal + "' is not a boolean (allowed: true, false)");
                };
                case TIME -> new Micros(micros(literal.strip()));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + literal + "' is not a value of type " + name().toLowerCase()
                    + (kind == Kind.TIME ? " (allowed: 2026-01-31 or 2026-01-31T09:30)" : ""));
        }
    }

    /** Microseconds of a date or local date-time literal (Korean wall clock), in this type's convention. */
    long micros(String literal) {
        LocalDateTime t = literal.length() <= 10 ? LocalDate.parse(literal).atStartOfDay() : LocalDateTime.parse(literal);
        return micros(t);
    }

    long micros(LocalDateTime t) {
        long seconds = this == TIMESTAMPTZ ? t.toEpochSecond(ZONE) : t.toEpochSecond(ZoneOffset.UTC);
        return seconds * 1_000_000L + t.getNano() / 1000;
    }

    /** Writes a value produced for a column of this type. */
    void write(BinaryCopyWriter w, Object v, int typmod) {
        switch (this) {
            case INT2 -> w.int2((short) asLong(v));
            case INT4 -> w.int4((int) asLong(v));
            case INT8 -> w.int8(asLong(v));
            case NUMERIC -> w.numeric(v instanceof Long l ? BigDecimal.valueOf(l).setScale(numericScale(typmod))
                    : BigDecimal.valueOf(((Number) v).doubleValue()).setScale(numericScale(typmod), RoundingMode.HALF_EVEN));
            case FLOAT8 -> w.float8(((Number) v).doubleValue());
            case TEXT -> w.text((String) v);
            case BOOL -> w.bool((Boolean) v);
            case TIMESTAMPTZ, TIMESTAMP -> w.int8(((Micros) v).value() - BinaryCopyWriter.PG_EPOCH_MICROS);
            case DATE -> w.dateDays((int) Math.floorDiv(((Micros) v).value() - BinaryCopyWriter.PG_EPOCH_MICROS,
                    86_400_000_000L));
        }
    }

    private static long asLong(Object v) {
        return v instanceof Long l ? l : Math.round(((Number) v).doubleValue());
    }
}
