package dev.salerush.seeder.specseed;

import dev.salerush.seeder.generate.FastRandom;

/**
 * Values of one column. {@code r} is already seeded from (spec seed, table, column, row), so a value depends on
 * nothing else: not on the chunk, thread or the rows before it.
 */
@FunctionalInterface
interface ValueGenerator {

    /** The value of 1-based table row {@code row}: Long, Double, String, Boolean or {@link PgType.Micros}. */
    Object value(long row, FastRandom r);
}
