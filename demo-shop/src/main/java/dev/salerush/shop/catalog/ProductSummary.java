package dev.salerush.shop.catalog;

/** One row of the product list. */
public record ProductSummary(long id, long brandId, String brandName, String name, int price, int salePrice,
                             int discountRate, int stock) {
}
