package dev.salerush.shop.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The product list sorts of the API ({@code sort=} parameter) and their ORDER BY clauses. */
public enum ProductSort {
    DISCOUNT("discount", "p.discount_rate DESC, p.id"),
    NEWEST("newest", "p.created_at DESC, p.id"),
    PRICE_ASC("price_asc", "p.sale_price, p.id"),
    PRICE_DESC("price_desc", "p.sale_price DESC, p.id DESC");

    private final String apiName;
    private final String orderBy;

    ProductSort(String apiName, String orderBy) {
        this.apiName = apiName;
        this.orderBy = orderBy;
    }

    public String apiName() {
        return apiName;
    }

    /** The ORDER BY expression list (without the keywords). */
    public String orderBy() {
        return orderBy;
    }

    public static Optional<ProductSort> fromApiName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.apiName.equals(n)).findFirst();
    }

    public static String apiNames() {
        return Arrays.stream(values()).map(ProductSort::apiName).collect(Collectors.joining(", "));
    }
}
