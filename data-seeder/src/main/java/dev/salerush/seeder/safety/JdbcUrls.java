package dev.salerush.seeder.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses pgJDBC URLs far enough to know which hosts they point at, and masks secrets for printing.
 * Forms: {@code jdbc:postgresql:db}, {@code jdbc:postgresql:/}, {@code jdbc:postgresql://host:port/db},
 * host lists {@code //h1:5432,h2:5433/db}, IPv6 {@code //[::1]:5432/db}; no host means localhost.
 */
public final class JdbcUrls {

    public static final String PREFIX = "jdbc:postgresql:";
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 5432;

    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public record Parsed(List<HostPort> hosts, String database) {
    }

    private JdbcUrls() {
    }

    public static Parsed parse(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (must start with " + PREFIX + "): "
                    + mask(url));
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        List<HostPort> hosts = new ArrayList<>();
        String database;
        if (rest.startsWith("//")) {
            String authorityAndPath = rest.substring(2);
            int slash = authorityAndPath.indexOf('/');
            String authority = slash >= 0 ? authorityAndPath.substring(0, slash) : authorityAndPath;
            database = slash >= 0 ? authorityAndPath.substring(slash + 1) : "";
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1); // user info is not a host
            }
            if (authority.isEmpty()) {
                hosts.add(new HostPort(DEFAULT_HOST, DEFAULT_PORT));
            } else {
                for (String part : authority.split(",", -1)) {
                    hosts.add(hostPort(part, url));
                }
            }
        } else {
            database = rest.startsWith("/") ? rest.substring(1) : rest;
            hosts.add(new HostPort(DEFAULT_HOST, DEFAULT_PORT));
        }
        return new Parsed(List.copyOf(hosts), database);
    }

    private static HostPort hostPort(String part, String url) {
        String host;
        String port = null;
        if (part.startsWith("[")) {
            int end = part.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("unclosed IPv6 bracket in JDBC URL: " + mask(url));
            }
            host = part.substring(1, end);
            String after = part.substring(end + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("bad host '" + part + "' in JDBC URL: " + mask(url));
            }
        } else {
            int colon = part.lastIndexOf(':');
            if (colon >= 0 && part.indexOf(':') != colon) {
                throw new IllegalArgumentException("IPv6 host must be in brackets ([::1]) in JDBC URL: " + mask(url));
            }
            host = colon >= 0 ? part.substring(0, colon) : part;
            port = colon >= 0 ? part.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            host = DEFAULT_HOST;
        }
        int p = DEFAULT_PORT;
        if (port != null && !port.isEmpty()) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port '" + port + "' in JDBC URL: " + mask(url));
            }
        }
        return new HostPort(host.toLowerCase(Locale.ROOT), p);
    }

    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&;](?:password|sslpassword|sslkey)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?]*?:)[^/@?]*@");

    /** The URL with passwords replaced by ***, safe to print. */
    public static String mask(String url) {
        if (url == null) {
            return "null";
        }
        String masked = SECRET_PARAM.matcher(url).replaceAll("$1***");
        Matcher m = USER_INFO.matcher(masked);
        return m.replaceAll("$1***@");
    }
}
