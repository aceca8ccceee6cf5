package dev.salerush.seeder.generate;

/**
 * Fashion-sale prices in KRW: list prices 9,900–398,900 ending in 900 (log-normal around ~59,000), discount
 * rates 10–80 % (70 % of products at 20–50 %), sale prices rounded down to 100. A pure function of (seed, id).
 */
public final class Pricing {

    public record Price(int price, int salePrice, int discountRate) {
    }

    private Pricing() {
    }

    public static Price of(long seed, long productId) {
        FastRandom r = new FastRandom(Mix.seed(seed, Mix.PRICE, productId));
        // Approximately normal (Irwin–Hall of 4 uniforms), then log-normal thousands; StrictMath for identical
        // results on every JVM.
        double z = (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2.0) * 1.7320508075688772;
        long thousands = Math.round(StrictMath.exp(StrictMath.log(59) + 0.75 * z));
        thousands = Math.max(10, Math.min(399, thousands));
        int price = (int) (thousands * 1000 - 100);
        double u = r.nextDouble();
        int rate;
        if (u < 0.70) {
            rate = r.nextInt(20, 50);
        } else if (u < 0.85) {
            rate = r.nextInt(10, 19);
        } else {
            rate = r.nextInt(51, 80);
        }
        int sale = (int) ((long) price * (100 - rate) / 100 / 100 * 100);
        return new Price(price, sale, rate);
    }
}
