package dev.salerush.seeder.plan;

import java.util.List;
import java.util.Map;

/**
 * The suite's key queries, exactly as the demo shop runs them: the one place they are defined. The plan check
 * explains these strings, so a change here is a change of what is checked.
 *
 * <p>Parameters are JDBC placeholders ({@code ?}) in the order documented per constant.
 */
public final class KeyQueries {

    private KeyQueries() {
    }

    /** GET /api/brands: params (limit, offset). */
    public static final String BRAND_LIST =
            "SELECT id, name, product_count FROM brand ORDER BY id LIMIT ? OFFSET ?";

    /** Product list by brand without its ORDER BY and paging; see {@link #productList(String)}. */
    public static final String PRODUCT_LIST_SELECT =
            "SELECT p.id, p.brand_id, b.name AS brand_name, p.name, p.price, p.sale_price, p.discount_rate, p.stock "
                    + "FROM product p JOIN brand b ON b.id = p.brand_id WHERE p.brand_id = ?";

    public static final String SORT_DISCOUNT = "p.discount_rate DESC, p.id";
    public static final String SORT_NEWEST = "p.created_at DESC, p.id";
    public static final String SORT_PRICE_ASC = "p.sale_price, p.id";
    public static final String SORT_PRICE_DESC = "p.sale_price DESC, p.id DESC";

    /** API sort name (sort= of GET /api/products) to ORDER BY clause. */
    public static final Map<String, String> SORTS = Map.of(
            "discount", SORT_DISCOUNT,
            "newest", SORT_NEWEST,
            "price_asc", SORT_PRICE_ASC,
            "price_desc", SORT_PRICE_DESC);

    /** API sort names in a fixed order. */
    public static final List<String> SORT_NAMES = List.of("discount", "newest", "price_asc", "price_desc");

    /** GET /api/products?brandId=&sort=discount: params (brandId, size + 1, page × size). */
    public static final String PRODUCT_LIST_DISCOUNT = productListSql(SORT_DISCOUNT);
    /** GET /api/products?brandId=&sort=newest: params (brandId, size + 1, page × size). */
    public static final String PRODUCT_LIST_NEWEST = productListSql(SORT_NEWEST);
    /** GET /api/products?brandId=&sort=price_asc: params (brandId, size + 1, page × size). */
    public static final String PRODUCT_LIST_PRICE_ASC = productListSql(SORT_PRICE_ASC);
    /** GET /api/products?brandId=&sort=price_desc: params (brandId, size + 1, page × size). */
    public static final String PRODUCT_LIST_PRICE_DESC = productListSql(SORT_PRICE_DESC);

    /** GET /api/products/{id}: params (id). */
    public static final String PRODUCT_DETAIL =
            "SELECT p.id, p.brand_id, b.name AS brand_name, p.name, p.description, p.price, p.sale_price, "
                    + "p.discount_rate, p.stock FROM product p JOIN brand b ON b.id = p.brand_id WHERE p.id = ?";

    /** POST /api/orders, stock reservation: params (quantity, productId, quantity); 0 rows = out of stock. */
    public static final String STOCK_DECREMENT = "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?";

    /** GET /api/orders/{id}: params (id). */
    public static final String ORDER_BY_ID =
            "SELECT id, user_id, product_id, quantity, amount, status, created_at FROM orders WHERE id = ?";

    /** POST /api/orders with a known Idempotency-Key: params (idempotency key). */
    public static final String ORDER_BY_IDEMPOTENCY_KEY =
            "SELECT id, user_id, product_id, quantity, amount, status, created_at FROM orders WHERE idempotency_key = ?";

    /** The product list SQL for an API sort name (discount | newest | price_asc | price_desc). */
    public static String productList(String sort) {
        String orderBy = SORTS.get(sort);
        if (orderBy == null) {
            throw new IllegalArgumentException("unknown sort '" + sort + "', allowed: " + SORT_NAMES);
        }
        return productListSql(orderBy);
    }

    private static String productListSql(String orderBy) {
        return PRODUCT_LIST_SELECT + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }
}
