package dev.salerush.seeder.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanNodeTest {

    static PlanNode leaf(String type, String relation, String index) {
        return new PlanNode(type, relation, index, null, null, "Outer", List.of());
    }

    @Test
    void reducesExplainOutputToStableFieldsAndRoundTripsThroughJson() throws Exception {
        String explain = """
                {"Node Type": "Limit", "Startup Cost": 0.4, "Total Cost": 9.1, "Plan Rows": 10, "Plans": [
                  {"Node Type": "Index Scan", "Parent Relationship": "Outer", "Scan Direction": "Backward",
                   "Index Name": "item_seller_idx", "Relation Name": "item", "Alias": "i", "Plan Rows": 17}]}
                """;
        PlanNode n = PlanNode.fromExplain(new ObjectMapper().readTree(explain));
        assertThat(n.subtree()).isEqualTo("Limit > Index Scan Backward using item_seller_idx on item");
        assertThat(n.toJson().toString()).doesNotContain("Cost", "Rows", "Alias");
        assertThat(PlanNode.fromJson(n.toJson())).isEqualTo(n);
    }

    @Test
    void namesEachDifferenceByItsPath() {
        PlanNode expected = new PlanNode("Limit", null, null, null, null, null,
                List.of(leaf("Index Scan", "item", "item_seller_idx")));
        PlanNode seqScan = new PlanNode("Limit", null, null, null, null, null, List.of(leaf("Seq Scan", "item", null)));
        assertThat(PlanNode.differences("top_items_of_seller", expected, seqScan)).containsExactly(
                "top_items_of_seller: Limit > Index Scan using item_seller_idx on item: found Seq Scan on item "
                        + "instead of Index Scan using item_seller_idx on item");
        PlanNode noChild = new PlanNode("Limit", null, null, null, null, null, List.of());
        assertThat(PlanNode.differences("q", expected, noChild))
                .containsExactly("q: Limit: missing child Index Scan using item_seller_idx on item");
        assertThat(PlanNode.differences("q", noChild, expected))
                .containsExactly("q: Limit: extra child Index Scan using item_seller_idx on item");
        PlanNode inner = new PlanNode("Limit", null, null, null, null, null,
                List.of(new PlanNode("Index Scan", "item", "item_seller_idx", null, null, "Inner", List.of())));
        assertThat(PlanNode.differences("q", expected, inner)).containsExactly(
                "q: Limit > Index Scan using item_seller_idx on item: found it as the Inner child (expected Outer)");
        assertThat(PlanNode.differences("q", expected, expected)).isEmpty();
    }
}
