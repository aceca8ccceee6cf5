package dev.salerush.seeder.generate;

/**
 * Seed derivation: every table, column stream and row gets its own seed from (dataset seed, stream, index), so
 * generated values never depend on chunking, thread scheduling, hash-map order or the machine.
 */
public final class Mix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Stream ids: fixed constants, never String.hashCode of something that might be renamed. */
    public static final long BRAND = 0x6272616E64L;
    public static final long BRAND_ORDER = 0x62726F7264L;
    public static final long BRAND_NAMES = 0x626E616D65L;
    public static final long PRODUCT = 0x70726F64L;
    public static final long PRODUCT_ASSIGN = 0x7061737367L;
    public static final long PRICE = 0x7072696365L;
    public static final long STOCK = 0x73746F636BL;
    public static final long USER = 0x75736572L;
    public static final long POOLS = 0x706F6F6CL;
    public static final long ORDER = 0x6F72646572L;
    public static final long ORDER_STATUS = 0x6F73746174L;
    public static final long PAYMENT = 0x7061796DL;

    private Mix() {
    }

    /** SplitMix64 finalizer: a bijective, well-mixed 64-bit hash. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long seed(long datasetSeed, long stream, long index) {
        return rowSeed(streamSeed(datasetSeed, stream), index);
    }

    /** The part of {@link #seed} that depends only on the stream: computed once per column, not per value. */
    public static long streamSeed(long datasetSeed, long stream) {
        return mix64(datasetSeed * GOLDEN ^ stream);
    }

    /** {@link #seed} for one index, given its stream's {@link #streamSeed}. */
    public static long rowSeed(long streamSeed, long index) {
        return mix64(streamSeed + index * GOLDEN);
    }

    /** Uniform int in [0, bound) from a hash value (Lemire's multiply-shift; bias < 2^-32, deterministic). */
    public static int below(long hash, int bound) {
        return (int) (((hash >>> 32) * bound) >>> 32);
    }
}
