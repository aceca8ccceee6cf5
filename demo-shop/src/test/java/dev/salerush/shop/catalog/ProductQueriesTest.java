package dev.salerush.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.seeder.plan.KeyQueries;
import dev.salerush.shop.order.OrderQueries;
import org.junit.jupiter.api.Test;

/** The shop runs exactly the SQL the seeder's plan check explains (KeyQueries is the seeder's copy). */
class ProductQueriesTest {

    @Test
    void productListsByBrandEqualTheSeedersKeyQueries() {
        assertThat(ProductQueries.PRODUCTS_BY_BRAND_DISCOUNT).isEqualTo(KeyQueries.PRODUCT_LIST_DISCOUNT);
        assertThat(ProductQueries.PRODUCTS_BY_BRAND_NEWEST).isEqualTo(KeyQueries.PRODUCT_LIST_NEWEST);
        assertThat(ProductQueries.PRODUCTS_BY_BRAND_PRICE_ASC).isEqualTo(KeyQueries.PRODUCT_LIST_PRICE_ASC);
        assertThat(ProductQueries.PRODUCTS_BY_BRAND_PRICE_DESC).isEqualTo(KeyQueries.PRODUCT_LIST_PRICE_DESC);
        for (ProductSort sort : ProductSort.values()) {
            assertThat(ProductQueries.byBrand(sort)).isEqualTo(KeyQueries.productList(sort.apiName()));
            assertThat(KeyQueries.SORTS.get(sort.apiName())).isEqualTo(sort.orderBy());
        }
        assertThat(KeyQueries.SORT_NAMES)
                .containsExactly(java.util.Arrays.stream(ProductSort.values()).map(ProductSort::apiName)
                        .toArray(String[]::new));
    }

    @Test
    void globalListsAreTheBrandListsWithoutTheBrandFilter() {
        for (ProductSort sort : ProductSort.values()) {
            assertThat(ProductQueries.all(sort))
                    .isEqualTo(ProductQueries.byBrand(sort).replace(" WHERE p.brand_id = ?", ""));
        }
    }

    @Test
    void detailBrandsAndOrdersEqualTheSeedersKeyQueries() {
        assertThat(ProductQueries.PRODUCT_DETAIL).isEqualTo(KeyQueries.PRODUCT_DETAIL);
        assertThat(ProductQueries.BRANDS).isEqualTo(KeyQueries.BRAND_LIST);
        assertThat(OrderQueries.ORDER_BY_ID).isEqualTo(KeyQueries.ORDER_BY_ID);
        assertThat(OrderQueries.ORDER_BY_KEY).isEqualTo(KeyQueries.ORDER_BY_IDEMPOTENCY_KEY);
        // The shop also reads the sale price back from the same UPDATE (same plan).
        assertThat(OrderQueries.DECREMENT_STOCK).isEqualTo(KeyQueries.STOCK_DECREMENT + " RETURNING sale_price");
    }
}
