package dev.salerush.seeder.generate;

import dev.salerush.seeder.spec.DatasetSpec;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The dataset's shape, computed from the spec alone (no database): which brand each product belongs to, brand
 * sizes and popularity, product popularity, stock and prices. The generators load exactly this, so a simulation
 * holding the same spec draws ids that exist and are consistent with the data.
 *
 * <p>Brands are Zipf-sized: the brand of popularity rank r has a size proportional to 1/r^s. Brand ids are a
 * seeded permutation of ranks (the biggest brand is not id 1), and product ids interleave brands (a seeded
 * shuffle), so the physical order of product rows resembles a catalog that grew over time.
 *
 * <p>Thread-safe after construction (immutable); building it at scale 1 takes a few tens of milliseconds.
 */
public final class DatasetLayout {

    private final DatasetSpec spec;
    private final int brandCount;
    private final int productCount;
    private final int userCount;
    private final int[] brandSize;        // by brand id - 1
    private final double[] brandWeight;   // by brand id - 1, sums to 1
    private final int[] brandIdByRank;    // rank 0 = most popular
    private final int[] productBrand;     // by product id - 1
    private final double[] productWeight; // by product id - 1, sums to 1
    private final Zipf.Sampler brandSampler;
    private final Zipf.Sampler productSampler;
    private volatile long[] hotOrder;     // product ids by popularity, lazily

    private DatasetLayout(DatasetSpec spec) {
        this.spec = spec;
        this.brandCount = spec.brandCount();
        this.productCount = spec.productCount();
        this.userCount = spec.userCount();
        double s = spec.zipfExponent();

        int[] sizesByRank = Zipf.apportion(productCount, Zipf.weights(brandCount, s));
        brandIdByRank = new int[brandCount];
        for (int r = 0; r < brandCount; r++) {
            brandIdByRank[r] = r + 1;
        }
        new FastRandom(Mix.seed(spec.seed(), Mix.BRAND_ORDER, 0)).shuffle(brandIdByRank);
        brandSize = new int[brandCount];
        brandWeight = new double[brandCount];
        for (int r = 0; r < brandCount; r++) {
            brandSize[brandIdByRank[r] - 1] = sizesByRank[r];
        }
        for (int b = 0; b < brandCount; b++) {
            brandWeight[b] = (double) brandSize[b] / productCount;
        }

        productBrand = new int[productCount];
        int p = 0;
        for (int r = 0; r < brandCount; r++) {
            int id = brandIdByRank[r];
            for (int k = 0; k < sizesByRank[r]; k++) {
                productBrand[p++] = id;
            }
        }
        new FastRandom(Mix.seed(spec.seed(), Mix.PRODUCT_ASSIGN, 0)).shuffle(productBrand);

        // Popularity inside a brand is Zipf too, by the order products appear in the brand; normalised so a brand's
        // products together are exactly as popular as the brand.
        productWeight = new double[productCount];
        int[] seen = new int[brandCount];
        double[] harmonic = new double[brandCount];
        for (int i = 0; i < productCount; i++) {
            int b = productBrand[i] - 1;
            double raw = s == 0 ? 1.0 : StrictMath.pow(++seen[b], -s);
            productWeight[i] = raw;
            harmonic[b] += raw;
        }
        for (int i = 0; i < productCount; i++) {
            int b = productBrand[i] - 1;
            productWeight[i] = brandWeight[b] * productWeight[i] / harmonic[b];
        }
        brandSampler = new Zipf.Sampler(brandWeight);
        productSampler = new Zipf.Sampler(productWeight);
    }

    public static DatasetLayout of(DatasetSpec spec) {
        return new DatasetLayout(spec);
    }

    public DatasetSpec spec() {
        return spec;
    }

    public int brandCount() {
        return brandCount;
    }

    public int productCount() {
        return productCount;
    }

    public int userCount() {
        return userCount;
    }

    public int orderCount() {
        return spec.orderCount();
    }

    /** Number of products of a brand (= brand.product_count). */
    public int brandSize(long brandId) {
        return brandSize[checkBrand(brandId) - 1];
    }

    /** Brand popularity weights by brand id - 1 (sum 1, proportional to brand size). A copy. */
    public double[] brandWeights() {
        return brandWeight.clone();
    }

    /** Draws a brand id the way shoppers pick brands (Zipf over brand sizes). */
    public long drawBrandId(RandomGenerator random) {
        return brandSampler.sample(random) + 1L;
    }

    /** Draws a product id by popularity (how historical orders pick products). */
    public long drawProductId(RandomGenerator random) {
        return productSampler.sample(random) + 1L;
    }

    long drawProductId(double u) {
        return productSampler.index(u) + 1L;
    }

    /** The brand with the most products. */
    public long topBrandId() {
        return brandIdByRank[0];
    }

    /** A brand from the small tail (the least popular rank). */
    public long tailBrandId() {
        return brandIdByRank[brandCount - 1];
    }

    public long brandOf(long productId) {
        return productBrand[checkProduct(productId) - 1];
    }

    /** Popularity weight of a product (all products sum to 1). */
    public double productWeight(long productId) {
        return productWeight[checkProduct(productId) - 1];
    }

    /** Stock of the product as loaded. */
    public int initialStock(long productId) {
        checkProduct(productId);
        return stockOf(spec, productId);
    }

    static int stockOf(DatasetSpec spec, long productId) {
        int range = spec.stockMax() - spec.stockMin() + 1;
        return spec.stockMin() + Mix.below(Mix.seed(spec.seed(), Mix.STOCK, productId), range);
    }

    public Pricing.Price price(long productId) {
        checkProduct(productId);
        return Pricing.of(spec.seed(), productId);
    }

    /**
     * The {@code n} most popular products with stock > 0 at load time, most popular first (ties by id): the
     * products a sale's ordering scenario hits. Fewer when fewer products are in stock.
     */
    public long[] hotProductIds(int n) {
        long[] order = hotOrder;
        if (order == null) {
            Long[] ids = new Long[productCount];
            for (int i = 0; i < productCount; i++) {
                ids[i] = i + 1L;
            }
            Arrays.sort(ids, (a, b) -> {
                int c = Double.compare(productWeight[(int) (b - 1)], productWeight[(int) (a - 1)]);
                return c != 0 ? c : Long.compare(a, b);
            });
            order = new long[productCount];
            for (int i = 0; i < productCount; i++) {
                order[i] = ids[i];
            }
            hotOrder = order;
        }
        long[] out = new long[Math.min(n, productCount)];
        int k = 0;
        for (int i = 0; i < order.length && k < out.length; i++) {
            if (stockOf(spec, order[i]) > 0) {
                out[k++] = order[i];
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private int checkBrand(long brandId) {
        if (brandId < 1 || brandId > brandCount) {
            throw new IllegalArgumentException("no brand " + brandId + " (1.." + brandCount + ")");
        }
        return (int) brandId;
    }

    private int checkProduct(long productId) {
        if (productId < 1 || productId > productCount) {
            throw new IllegalArgumentException("no product " + productId + " (1.." + productCount + ")");
        }
        return (int) productId;
    }
}
