package dev.salerush.sim.config;

import dev.salerush.seeder.spec.DatasetSpec;

/** The {@code dataset} section: what the seeder loads, read into the seeder's own spec. */
final class DatasetSection {
    /** Rows of one table the dataset may ask for (scale 1); beyond it a typo is far likelier than intent. */
    private static final long MAX_ROWS = 10_000_000_000L;

    private DatasetSection() {
    }

    /** The seeder's own checks (e.g. stock.min <= stock.max) name their keys too. */
    static DatasetSpec read(ConfigReader reader) {
        try {
            return new DatasetSpec(
                    reader.positiveNumber("scale", DatasetSpec.MAX_SCALE),
                    reader.longInRange("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                    reader.longInRange("brands", 1, MAX_ROWS),
                    reader.longInRange("products", 1, MAX_ROWS),
                    reader.longInRange("users", 1, MAX_ROWS),
                    reader.longInRange("orders", 0, MAX_ROWS),
                    reader.intInRange("stock.min", 0, Integer.MAX_VALUE),
                    reader.intInRange("stock.max", 0, Integer.MAX_VALUE),
                    reader.numberInRange("zipfExponent", 0, 5));
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }
}
