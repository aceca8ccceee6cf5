package dev.salerush.seeder;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.load.SeedReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.plan.PlanCheckResult;
import dev.salerush.seeder.plan.PlanMismatchException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The one production-volume test: exact counts at scale 1, plan check passing, and failing when an index goes. */
class FullVolumeTest {

    @Test
    void productionVolumeHasExactCountsAndTheExpectedPlans() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            DatasetSpec spec = TestSpecs.production();
            // seed() runs the plan check itself and throws on a mismatch
            SeedReport report = new Seeder(DbTarget.of(db)).seed(spec);
            assertThat(report.table("brand").rows()).isEqualTo(2063);
            assertThat(report.table("product").rows()).isEqualTo(223_986);
            assertThat(report.table("app_user").rows()).isEqualTo(1_650_000);
            assertThat(report.table("orders").rows()).isEqualTo(1_000_000);
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                for (String t : new String[] {"brand", "product", "app_user", "orders", "payment"}) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(t).isEqualTo(report.table(t).rows());
                    }
                }
            }
            Seeder seeder = new Seeder(DbTarget.of(db));
            PlanCheckResult ok = seeder.planCheck();
            assertThat(ok.skipped()).isFalse();
            assertThat(ok.passed()).as(ok.describe()).isTrue();

            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DROP INDEX product_brand_price_idx");
            }
            PlanCheckResult broken = seeder.planCheck();
            assertThat(broken.passed()).isFalse();
            assertThat(broken.mismatches()).extracting(PlanCheckResult.Entry::name)
                    .contains("product_list_price_asc_top_first", "product_list_price_desc_top_first");
            assertThat(broken.describe()).contains("plan check FAILED", "--- expected", "+++ actual",
                    "- " + "    Index Scan Backward using product_brand_price_idx on product");
            assertThatThrownBy(() -> { throw new PlanMismatchException(broken); })
                    .hasMessageContaining("product_brand_price_idx");
        }
    }
}
