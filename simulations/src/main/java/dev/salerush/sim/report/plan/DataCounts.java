package dev.salerush.sim.report.plan;

import dev.salerush.seeder.spec.DatasetSpec;

import java.util.List;

/**
 * The data a run works on, from the {@code dataset} spec: each table's count at production volume ({@code scale} =
 * 1) and what is loaded at the configured scale. The seeder fills the embedded database with exactly these counts; a
 * team's own service has its own data, which the spec only describes.
 */
final class DataCounts {
    /** One table: its name in the bundle, production count, count at the run's scale. */
    record Row(String label, String production, String loaded, String table) {
    }

    private DataCounts() {
    }

    static List<Row> of(DatasetSpec spec, Words w) {
        return List.of(
                new Row(w.get("data.brands"), Words.count(spec.brands()), Words.count(spec.brandCount()), "brand"),
                new Row(w.get("data.products"), Words.count(spec.products()), Words.count(spec.productCount()),
                        "product"),
                new Row(w.get("data.users"), Words.count(spec.users()), Words.count(spec.userCount()), "app_user"),
                new Row(w.get("data.orders"), Words.count(spec.orders()), Words.count(spec.orderCount()), "orders"));
    }

    /** Whether the run loads production volume. */
    static boolean fullScale(DatasetSpec spec) {
        return spec.scale() == 1.0;
    }

    /** What the scale means for the figures, e.g. "`dataset.scale` = 0.01: 1 % of production volume". */
    static String scaleNote(DatasetSpec spec, boolean embedded, Words w) {
        String scale = Words.code("dataset.scale = " + Words.number(spec.scale(), 4));
        if (!embedded) {
            return w.get("data.scale.external", scale);
        }
        return fullScale(spec) ? w.get("data.scale.full", scale)
                : w.get("data.scale.partial", scale, Words.number(spec.scale() * 100, 2));
    }
}
