package dev.salerush.seeder.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCheckResultTest {

    @Test
    void mismatchIsDescribedAsExpectedVersusActualDiff() {
        List<String> expected = List.of("Limit", "  Nested Loop", "    Index Scan using product_brand_price_idx on product");
        List<String> actual = List.of("Limit", "  Sort [p.sale_price, p.id]", "    Nested Loop",
                "      Seq Scan on product");
        PlanCheckResult r = new PlanCheckResult(false, null, List.of(
                new PlanCheckResult.Entry("product_list_price_asc_top_first", "top brand 7", expected, actual, false),
                new PlanCheckResult.Entry("order_by_id", "order 1", List.of("Index Scan"), List.of("Index Scan"), true)));
        assertThat(r.passed()).isFalse();
        String text = r.describe();
        assertThat(text).contains("plan check FAILED: 1/2", "DIFF  product_list_price_asc_top_first", "ok    order_by_id",
                "- " + expected.get(2), "+ " + actual.get(3), "+ " + actual.get(1), "  Limit");
    }

    @Test
    void diffKeepsCommonLines() {
        assertThat(PlanCheckResult.diff(List.of("a", "b", "c"), List.of("a", "x", "c")))
                .containsExactly("  a", "- b", "+ x", "  c");
    }
}
