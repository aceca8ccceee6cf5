package dev.salerush.seeder.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedQueriesTest {

    @Test
    void readsNamedStatementsInFileOrderWithoutHeaderCommentsOrSemicolons() {
        Map<String, String> q = NamedQueries.parse("""
                -- team queries
                -- name: first
                -- a note on the query
                SELECT 1
                  FROM t;
                -- name: second
                SELECT 2;;
                """);
        assertThat(q).containsExactly(Map.entry("first", "SELECT 1\n  FROM t"), Map.entry("second", "SELECT 2"));
    }

    @Test
    void eachProblemIsOneMessage() {
        assertThatThrownBy(() -> NamedQueries.parse("SELECT 1;"))
                .hasMessage("no named query (put a line '-- name: <name>' before each statement)");
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;"))
                .hasMessage("duplicate query name 'a'");
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a\nSELECT 1;\n-- name: b\nSELECT 2;\n-- name: a\nSELECT 3"))
                .hasMessage("duplicate query name 'a'");
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a\n-- name: b\nSELECT 1"))
                .hasMessage("query 'a' has no statement");
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a\nSELECT 1; DELETE FROM t"))
                .hasMessage("query 'a' holds more than one statement (one per name)");
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a b\nSELECT 1"))
                .hasMessageStartingWith("no named query");
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a/b\nSELECT 1"))
                .hasMessage("bad query name 'a/b' (allowed: letters, digits, _ . -)");
    }
}
