package dev.salerush.seeder.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's key queries from a SQL file: each statement follows a {@code -- name: <name>} line and carries literal
 * parameters. Text before the first name line is ignored (a file header); a trailing semicolon is dropped.
 */
public final class NamedQueries {

    private static final Pattern NAME_LINE = Pattern.compile("^\\s*--\\s*name:\\s*(\\S*)\\s*$", Pattern.MULTILINE);
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private NamedQueries() {
    }

    /**
     * Parses the file's text into name -> SQL, in file order.
     *
     * @throws IllegalArgumentException naming the problem (no names, a bad or duplicate name, an empty statement,
     *                                  more than one statement under a name)
     */
    public static Map<String, String> parse(String text) {
        Matcher m = NAME_LINE.matcher(text);
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                add(queries, name, text.substring(start, m.start()));
            }
            name = m.group(1);
            if (!VALID_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad query name '" + name + "' (allowed: letters, digits, _ . -)");
            }
            if (queries.containsKey(name)) {
                throw new IllegalArgumentException("duplicate query name '" + name + "'");
            }
            start = m.end();
        }
        if (name == null) {
            throw new IllegalArgumentException("no named query (put a line '-- name: <name>' before each statement)");
        }
        add(queries, name, text.substring(start));
        return queries;
    }

    private static void add(Map<String, String> queries, String name, String body) {
        String sql = withoutComments(body).strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("query '" + name + "' has no statement");
        }
        if (sql.contains(";")) {
            throw new IllegalArgumentException("query '" + name + "' holds more than one statement (one per name)");
        }
        queries.put(name, sql);
    }

    /** Drops whole-line "--" comments (notes between the name and the statement). */
    private static String withoutComments(String body) {
        return body.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    }
}
