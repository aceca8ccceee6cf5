package dev.salerush.shop.catalog;

public record ProductDetail(long id, long brandId, String brandName, String name, String description, int price,
                            int salePrice, int discountRate, int stock) {
}
