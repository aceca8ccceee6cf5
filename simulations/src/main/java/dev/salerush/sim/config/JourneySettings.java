package dev.salerush.sim.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What virtual users do (the {@code journeys} section). */
public record JourneySettings(Browsing browsing, Ordering ordering, double saleDayBrowsingWeight,
                              double saleDayOrderingWeight) {

    public static final String BROWSING = "browsing";
    public static final String ORDERING = "ordering";
    public static final String SALE_DAY = "sale-day";
    /** The product-list sorts of the API contract, in the order the configuration lists their weights. */
    public static final List<String> SORTS = List.of("discount", "newest", "price_asc", "price_desc");

    /** A pause between two requests, drawn uniformly from [min, max]. */
    public record ThinkTime(Duration min, Duration max) {
    }

    /**
     * @param sortWeights         sort name -> weight
     * @param nextPageProbability P(page 2 | page 1); P(page k+1 | page k) = this / k
     */
    public record Browsing(Map<String, Double> sortWeights, int pageSize, double nextPageProbability, int maxPages,
                           double detailProbability, ThinkTime thinkTime) {

        /** Expected list pages a user views: 1 + p + p^2/2! + ... up to maxPages. */
        public double expectedPages() {
            double expected = 1;
            double reach = 1;
            for (int page = 1; page < maxPages; page++) {
                reach *= nextPageProbability / page;
                expected += reach;
            }
            return expected;
        }

        /** Expected requests per browsing user: the list pages plus the detail view. */
        public double expectedRequests() {
            return expectedPages() + detailProbability;
        }
    }

    /**
     * @param hotStock       units each hot product holds when load starts (embedded target only), so the hot items
     *                       sell out during the run; 0 leaves the seeded stock
     * @param unknownRetries how often an order whose outcome the client could not know is sent again with its key
     * @param unknownBackoff the pause before the first of those retries, doubled before each next one
     */
    public record Ordering(int hotProducts, int maxQuantity, double retryProbability, ThinkTime thinkTime,
                           int hotStock, int unknownRetries, Duration unknownBackoff) {

        /** Seeded stock, and no retry of an unknown outcome. */
        public Ordering(int hotProducts, int maxQuantity, double retryProbability, ThinkTime thinkTime) {
            this(hotProducts, maxQuantity, retryProbability, thinkTime, 0, 0, Duration.ZERO);
        }

        /**
         * Expected requests per ordering user: list, detail, order, its possible retry, and the lookup of a placed
         * order (counted as always placed: an upper bound once hot items sell out). Retries of unknown outcomes are
         * left out: they happen only while something is broken.
         */
        public double expectedRequests() {
            return 4 + retryProbability;
        }
    }

    /** Percentage of sale-day users who browse; the others order. */
    public double saleDayBrowsingShare() {
        return 100 * saleDayBrowsingWeight / (saleDayBrowsingWeight + saleDayOrderingWeight);
    }

    /** Mean requests per user of a journey, to turn a target rps into arriving users per second. */
    public double expectedRequests(String journey) {
        return switch (journey) {
            case BROWSING -> browsing.expectedRequests();
            case ORDERING -> ordering.expectedRequests();
            case SALE_DAY -> (saleDayBrowsingWeight * browsing.expectedRequests()
                    + saleDayOrderingWeight * ordering.expectedRequests()) / (saleDayBrowsingWeight + saleDayOrderingWeight);
            default -> throw new IllegalArgumentException("unknown journey " + journey);
        };
    }

    static JourneySettings from(ConfigReader reader) {
        Map<String, Double> sortWeights = new LinkedHashMap<>();
        for (String sort : SORTS) {
            sortWeights.put(sort, reader.numberInRange("browsing.sortWeights." + sort, 0, 1_000_000));
        }
        if (sortWeights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new ConfigError(reader.key("browsing.sortWeights") + " must give at least one sort a positive weight");
        }
        Browsing browsing = new Browsing(sortWeights,
                reader.intInRange("browsing.pageSize", 1, 100),
                reader.numberInRange("browsing.nextPageProbability", 0, 1),
                reader.intInRange("browsing.maxPages", 1, 100),
                reader.numberInRange("browsing.detailProbability", 0, 1),
                thinkTime(reader, "browsing.thinkTime"));
        Ordering ordering = new Ordering(
                reader.intInRange("ordering.hotProducts", 1, 100_000),
                reader.intInRange("ordering.maxQuantity", 1, 10),
                reader.numberInRange("ordering.retryProbability", 0, 1),
                thinkTime(reader, "ordering.thinkTime"),
                reader.has("ordering.hotStock") ? reader.intInRange("ordering.hotStock", 0, 1_000_000) : 0,
                reader.intInRange("ordering.unknownOutcome.retries", 0, 10),
                reader.nonNegativeDuration("ordering.unknownOutcome.backoff"));
        double browsingWeight = reader.numberInRange("saleDay.browsing", 0, 1_000_000);
        double orderingWeight = reader.numberInRange("saleDay.ordering", 0, 1_000_000);
        if (browsingWeight + orderingWeight <= 0) {
            throw new ConfigError(reader.key("saleDay") + " weights must not both be 0");
        }
        return new JourneySettings(browsing, ordering, browsingWeight, orderingWeight);
    }

    private static ThinkTime thinkTime(ConfigReader reader, String path) {
        var min = reader.nonNegativeDuration(path + ".min");
        var max = reader.nonNegativeDuration(path + ".max");
        if (max.compareTo(min) < 0) {
            throw new ConfigError(reader.key(path) + ".max must not be shorter than " + reader.key(path) + ".min");
        }
        return new ThinkTime(min, max);
    }
}
