package dev.salerush.seeder.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an existing schema ({@code public}) looks like, read from pg_catalog: tables, columns (type, NOT NULL,
 * default), primary, unique and foreign keys (also composite) and the secondary indexes, each with its definition
 * as PostgreSQL prints it ({@code pg_get_constraintdef} / {@code pg_get_indexdef}) so it can be dropped and rebuilt.
 */
public record Catalog(Map<String, Table> tables) {

    /** A column; {@code type} is the base type name (int4, numeric, text, timestamptz, ...). */
    public record Column(String name, String type, int typmod, boolean notNull, boolean hasDefault) {
    }

    /** A primary key (p), unique (u) or foreign key (f) constraint. */
    public record Constraint(String name, char kind, List<String> columns, String refTable, List<String> refColumns,
                             String definition) {

        public boolean foreignKey() {
            return kind == 'f';
        }

        /** The statement that recreates it. */
        public String addSql(String table) {
            return "ALTER TABLE public." + table + " ADD CONSTRAINT " + name + " " + definition;
        }
    }

    /** An index that does not back a constraint. */
    public record Index(String name, String definition) {
    }

    public record Table(String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes) {

        public Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        public List<String> primaryKey() {
            return constraints.stream().filter(c -> c.kind() == 'p').findFirst().map(Constraint::columns)
                    .orElse(List.of());
        }

        public List<Constraint> foreignKeys() {
            return constraints.stream().filter(Constraint::foreignKey).toList();
        }

        /** Column sets that must be unique: the primary key and every unique constraint. */
        public List<List<String>> uniqueKeys() {
            return constraints.stream().filter(c -> c.kind() == 'p' || c.kind() == 'u').map(Constraint::columns)
                    .toList();
        }

        /** The single-column foreign key on this column, or null. */
        public Constraint foreignKeyOn(String column) {
            return foreignKeys().stream().filter(f -> f.columns().equals(List.of(column))).findFirst().orElse(null);
        }
    }

    public Table table(String name) {
        return tables.get(name);
    }

    /** Reads the ordinary tables of schema public (the seeder's marker table aside). */
    public static Catalog read(Connection c) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.relname, a.attname, t.typname, a.atttypmod, a.attnotnull,
                       a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_type t ON t.oid = a.atttypid
                WHERE n.nspname = 'public' AND cl.relkind IN ('r', 'p') AND cl.relname <> ?
                ORDER BY cl.relname, a.attnum""")) {
            ps.setString(1, Schema.MARKER_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6)));
                }
            }
        }
        Map<String, List<Constraint>> constraints = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.relname, co.conname, co.contype,
                       ARRAY(SELECT a.attname::text FROM unnest(co.conkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n ORDER BY k.i),
                       rc.relname,
                       ARRAY(SELECT a.attname::text FROM unnest(co.confkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n ORDER BY k.i),
                       pg_get_constraintdef(co.oid)
                FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                LEFT JOIN pg_class rc ON rc.oid = co.confrelid
                WHERE n.nspname = 'public' AND co.contype IN ('p', 'u', 'f')
                ORDER BY cl.relname, co.contype DESC, co.conname""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    constraints.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Constraint(
                            rs.getString(2), rs.getString(3).charAt(0), strings(rs.getArray(4)), rs.getString(5),
                            strings(rs.getArray(6)), rs.getString(7)));
                }
            }
        }
        Map<String, List<Index>> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.relname, ic.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid
                      AND co.conrelid = i.indrelid)
                ORDER BY cl.relname, ic.relname""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Index(rs.getString(2), rs.getString(3)));
                }
            }
        }
        columns.forEach((name, cols) -> tables.put(name, new Table(name, List.copyOf(cols),
                List.copyOf(constraints.getOrDefault(name, List.of())),
                List.copyOf(indexes.getOrDefault(name, List.of())))));
        return new Catalog(Collections.unmodifiableMap(tables)); // in catalog order: the drop and restore lists follow it
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.copyOf(Arrays.asList((String[]) a.getArray()));
    }
}
