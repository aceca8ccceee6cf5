package dev.salerush.shop.catalog;

import java.util.List;

public record ProductPage(List<ProductSummary> items, int page, int size, boolean hasNext) {
}
