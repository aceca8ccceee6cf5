package dev.salerush.seeder.safety;

import org.postgresql.PGProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which hosts a pgJDBC URL points at, and masks secrets for printing.
 * Forms: {@code jdbc:postgresql:db}, {@code jdbc:postgresql://host:port/db}, host lists
 * {@code //h1:5432,h2:5433/db}, IPv6 {@code //[::1]:5432/db}; no host means localhost.
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

    /**
     * The hosts and database pgJDBC itself will connect to: its own parser decides, so nothing in the URL (a
     * {@code ?host=} or {@code ?PGHOST=} parameter overrides the authority part) can point it past the guard.
     */
    public static Parsed parse(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (must start with " + PREFIX + "): "
                    + mask(url));
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a valid PostgreSQL JDBC URL (pgJDBC cannot parse it; bad host, port"
                    + " or user info?): " + mask(url));
        }
        String[] hosts = parsed.getProperty(PGProperty.PG_HOST.getName(), DEFAULT_HOST).split(",", -1);
        String[] ports = parsed.getProperty(PGProperty.PG_PORT.getName(), String.valueOf(DEFAULT_PORT)).split(",", -1);
        if (hosts.length != ports.length) {
            throw new IllegalArgumentException("as many hosts as ports expected in JDBC URL: " + mask(url));
        }
        List<HostPort> hostPorts = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            if (hosts[i].contains("@")) {
                // pgJDBC would take "user:password@host" for a host name; never print it back
                throw new IllegalArgumentException("user info (user:password@) is not part of a pgJDBC URL; set db.user"
                        + " and the password variable instead: " + mask(url));
            }
            hostPorts.add(new HostPort(host(hosts[i]), port(ports[i], url)));
        }
        return new Parsed(List.copyOf(hostPorts), parsed.getProperty(PGProperty.PG_DBNAME.getName(), ""));
    }

    private static String host(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.isEmpty() ? DEFAULT_HOST : bare.toLowerCase(Locale.ROOT);
    }

    private static int port(String port, String url) {
        try {
            int p = port.isEmpty() ? DEFAULT_PORT : Integer.parseInt(port.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + port + "' (allowed: 1..65535) in JDBC URL: " + mask(url));
        }
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
