package dev.salerush.seeder.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.seeder.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexBuilderTest {

    @Test
    void everyStatementOfIndexesSqlKnowsItsTableAndReferences() {
        List<IndexBuilder.Task> tasks = IndexBuilder.parse(Schema.statements(Schema.sql(Schema.INDEXES_RESOURCE)));
        assertThat(tasks).extracting(IndexBuilder.Task::table).isSubsetOf(Schema.TABLES);
        assertThat(tasks).filteredOn(IndexBuilder.Task::primaryKey).extracting(IndexBuilder.Task::table)
                .containsExactly("brand", "product", "app_user", "orders", "payment");
        assertThat(tasks).filteredOn(t -> t.references() != null)
                .extracting(t -> t.table() + "->" + t.references())
                .containsExactly("product->brand", "orders->app_user", "orders->product", "payment->orders");
    }
}
