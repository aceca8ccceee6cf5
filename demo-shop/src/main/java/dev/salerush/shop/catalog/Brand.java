package dev.salerush.shop.catalog;

public record Brand(long id, String name, int productCount) {
}
