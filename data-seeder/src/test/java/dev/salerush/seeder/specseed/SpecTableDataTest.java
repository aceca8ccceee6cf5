package dev.salerush.seeder.specseed;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.salerush.seeder.load.BinaryCopyWriter;
import dev.salerush.seeder.schema.Catalog;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic on a hand-built catalog: a table's bytes depend on the spec only, never on how it is chunked. */
class SpecTableDataTest {

    static final Catalog CATALOG = new Catalog(Map.of(
            "parent", new Catalog.Table("parent", List.of(
                    new Catalog.Column("id", "int8", -1, true, false),
                    new Catalog.Column("name", "text", -1, true, false)),
                    List.of(new Catalog.Constraint("parent_pkey", 'p', List.of("id"), null, List.of(), "PRIMARY KEY (id)")),
                    List.of()),
            "child", new Catalog.Table("child", List.of(
                    new Catalog.Column("id", "int8", -1, true, false),
                    new Catalog.Column("parent_id", "int8", -1, true, false),
                    new Catalog.Column("amount", "numeric", (10 << 16) + 2 + 4, true, false),
                    new Catalog.Column("at", "timestamptz", -1, false, false),
                    new Catalog.Column("kind", "text", -1, true, false)),
                    List.of(new Catalog.Constraint("child_pkey", 'p', List.of("id"), null, List.of(), "PRIMARY KEY (id)"),
                            new Catalog.Constraint("child_parent_fk", 'f', List.of("parent_id"), "parent", List.of("id"),
                                    "FOREIGN KEY (parent_id) REFERENCES parent(id)")),
                    List.of())));

    static SpecPlan plan(long seed) {
        return SpecPlanner.plan(ConfigFactory.parseString("""
                spec {
                  seed = %d
                  tables {
                    parent { rows = 300, columns { name { generator = faker, expression = "#{Name.fullName}" } } }
                    child {
                      rowsPer { parent = parent, mean = 3, distribution = poisson, max = 12 }
                      columns {
                        amount { generator = normal, mean = 100, stddev = 30, min = 1, max = 1000 }
                        at { generator = timestamp, from = "2026-01-01", to = "2026-03-31", nulls = 0.1 }
                        kind { generator = enum, values { A = 3, B = 1 } }
                      }
                    }
                  }
                }""".formatted(seed)), CATALOG);
    }

    static byte[] bytes(SpecPlan plan, String table, long chunk) throws Exception {
        SpecTableData data = new SpecTableData(plan.tables().stream().filter(t -> t.table().equals(table))
                .findFirst().orElseThrow(), plan.seed());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCopyWriter w = new BinaryCopyWriter(out::write).header();
        long rows = 0;
        for (long from = 1; from <= data.units(); from += chunk) {
            rows += data.write(from, Math.min(data.units() + 1, from + chunk), w);
        }
        w.finish();
        assertThat(rows).isEqualTo(data.rows());
        return out.toByteArray();
    }

    @Test
    void chunkingNeverChangesTheBytes() throws Exception {
        for (String table : List.of("parent", "child")) {
            byte[] whole = bytes(plan(7), table, Long.MAX_VALUE / 2);
            assertThat(bytes(plan(7), table, 1)).as(table).isEqualTo(whole);
            assertThat(bytes(plan(7), table, 7)).as(table).isEqualTo(whole);
        }
    }

    @Test
    void anotherSeedGivesOtherRowsAndAnotherFingerprint() throws Exception {
        assertThat(bytes(plan(8), "child", 64)).isNotEqualTo(bytes(plan(7), "child", 64));
        assertThat(plan(8).fingerprint()).isNotEqualTo(plan(7).fingerprint());
        assertThat(plan(7).fingerprint()).isEqualTo(plan(7).fingerprint());
    }

    @Test
    void childCountsFollowTheDistributionWithinItsBounds() {
        SpecPlan.TablePlan child = plan(7).tables().get(1);
        assertThat(child.table()).isEqualTo("child");
        long[] prefix = child.prefix();
        long max = 0;
        for (int p = 1; p < prefix.length; p++) {
            max = Math.max(max, prefix[p] - prefix[p - 1]);
        }
        assertThat(max).isLessThanOrEqualTo(12);
        // Poisson(3) over 300 parents: the mean lands near 3
        assertThat(child.rows() / 300.0).isBetween(2.5, 3.5);
    }
}
