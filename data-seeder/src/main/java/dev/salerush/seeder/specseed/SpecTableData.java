package dev.salerush.seeder.specseed;

import dev.salerush.seeder.generate.FastRandom;
import dev.salerush.seeder.generate.Mix;
import dev.salerush.seeder.load.BinaryCopyWriter;
import dev.salerush.seeder.load.TableData;
import java.io.IOException;
import java.util.List;

/**
 * Rows of one planned table for the shared loader. Units are the table's rows, or for a rowsPer table its parent's
 * rows (each unit writes that parent's children); every value is seeded from (seed, table, column, row), so chunking
 * never changes the bytes.
 */
final class SpecTableData implements TableData {

    private final SpecPlan.TablePlan plan;
    /** Per column, its stream's part of the value seed (see Mix.streamSeed). */
    private final long[] streams;
    private final SpecPlan.ColumnPlan[] columns;

    SpecTableData(SpecPlan.TablePlan plan, long seed) {
        this.plan = plan;
        this.columns = plan.columns().toArray(SpecPlan.ColumnPlan[]::new);
        this.streams = new long[columns.length];
        for (int i = 0; i < columns.length; i++) {
            streams[i] = Mix.streamSeed(seed, Generators.stream(plan.table(), columns[i].name()));
        }
    }

    @Override
    public String table() {
        return plan.table();
    }

    @Override
    public List<String> columns() {
        return plan.columnNames();
    }

    @Override
    public long units() {
        return plan.prefix() == null ? plan.rows() : plan.prefix().length - 1;
    }

    @Override
    public long rows() {
        return plan.rows();
    }

    @Override
    public long write(long from, long to, BinaryCopyWriter w) throws IOException {
        FastRandom r = new FastRandom(0);
        long written = 0;
        for (long unit = from; unit < to; unit++) {
            if (plan.prefix() == null) {
                writeRow(unit, 0, null, 0, r, w);
                written++;
                continue;
            }
            long first = plan.prefix()[(int) unit - 1];
            int children = (int) (plan.prefix()[(int) unit] - first);
            long[][] distinct = distinctKeys(unit, children, r);
            for (int j = 0; j < children; j++) {
                writeRow(first + j + 1, unit, distinct, j, r, w);
            }
            written += children;
        }
        return written;
    }

    /** Per DISTINCT column, this parent's children's keys, all different. */
    private long[][] distinctKeys(long parent, int children, FastRandom r) {
        long[][] out = new long[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].role() == SpecPlan.Role.DISTINCT) {
                r.reset(Mix.rowSeed(streams[i], parent));
                out[i] = ((ReferenceGenerator) columns[i].generator()).distinct(children, r);
            }
        }
        return out;
    }

    private void writeRow(long row, long parent, long[][] distinct, int child, FastRandom r, BinaryCopyWriter w)
            throws IOException {
        w.row(columns.length);
        for (int i = 0; i < columns.length; i++) {
            SpecPlan.ColumnPlan c = columns[i];
            Object v = switch (c.role()) {
                case PARENT -> parent;
                case DISTINCT -> distinct[i][child];
                case NULL -> null;
                case VALUE -> {
                    r.reset(Mix.rowSeed(streams[i], row));
                    yield c.nulls() > 0 && r.nextDouble() < c.nulls() ? null : c.generator().value(row, r);
                }
            };
            if (v == null) {
                w.nul();
            } else {
                c.type().write(w, v, c.typmod());
            }
        }
    }
}
