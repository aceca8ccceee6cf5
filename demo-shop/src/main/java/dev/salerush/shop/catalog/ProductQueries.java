package dev.salerush.shop.catalog;

/**
 * Every SQL statement the shop runs against the catalog, in one place. The data seeder's plan check explains the same
 * statements (a test asserts they equal {@code dev.salerush.seeder.plan.KeyQueries}), so changing one here means
 * changing it there too.
 */
public final class ProductQueries {

    private static final String LIST_SELECT =
            "SELECT p.id, p.brand_id, b.name AS brand_name, p.name, p.price, p.sale_price, p.discount_rate, p.stock"
                    + " FROM product p JOIN brand b ON b.id = p.brand_id";

    /** Parameters: brand id, limit (page size + 1, to compute hasNext), offset. */
    public static final String PRODUCTS_BY_BRAND_DISCOUNT = byBrand(ProductSort.DISCOUNT);
    public static final String PRODUCTS_BY_BRAND_NEWEST = byBrand(ProductSort.NEWEST);
    public static final String PRODUCTS_BY_BRAND_PRICE_ASC = byBrand(ProductSort.PRICE_ASC);
    public static final String PRODUCTS_BY_BRAND_PRICE_DESC = byBrand(ProductSort.PRICE_DESC);

    /** Parameters: limit (page size + 1), offset. */
    public static final String PRODUCTS_DISCOUNT = all(ProductSort.DISCOUNT);
    public static final String PRODUCTS_NEWEST = all(ProductSort.NEWEST);
    public static final String PRODUCTS_PRICE_ASC = all(ProductSort.PRICE_ASC);
    public static final String PRODUCTS_PRICE_DESC = all(ProductSort.PRICE_DESC);

    /** Parameter: product id. */
    public static final String PRODUCT_DETAIL =
            "SELECT p.id, p.brand_id, b.name AS brand_name, p.name, p.description, p.price, p.sale_price,"
                    + " p.discount_rate, p.stock FROM product p JOIN brand b ON b.id = p.brand_id WHERE p.id = ?";

    /** Parameters: limit, offset. */
    public static final String BRANDS = "SELECT id, name, product_count FROM brand ORDER BY id LIMIT ? OFFSET ?";

    private ProductQueries() {
    }

    /** The list query for a brand ({@code brandId} given) in the given sort. */
    public static String byBrand(ProductSort sort) {
        return LIST_SELECT + " WHERE p.brand_id = ? ORDER BY " + sort.orderBy() + " LIMIT ? OFFSET ?";
    }

    /** The list query across all brands (no {@code brandId}) in the given sort. */
    public static String all(ProductSort sort) {
        return LIST_SELECT + " ORDER BY " + sort.orderBy() + " LIMIT ? OFFSET ?";
    }
}
