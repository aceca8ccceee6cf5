package dev.salerush.seeder.specseed;

/** A spec that cannot be seeded: one message naming the spec key and what is allowed. Nothing was written. */
public final class SpecException extends RuntimeException {

    private final String key;

    public SpecException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The spec key at fault, e.g. {@code spec.tables.item.columns.price.min}. */
    public String key() {
        return key;
    }
}
