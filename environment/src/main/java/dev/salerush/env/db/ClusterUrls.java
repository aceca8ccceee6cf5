package dev.salerush.env.db;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** JDBC URLs of the cluster's nodes. */
public final class ClusterUrls {

    /**
     * How long the driver trusts what it learnt about a host (primary, standby, down) before asking again. Short,
     * so that a promoted standby is tried as a primary within 2 s of the failover.
     */
    public static final int HOST_RECHECK_SECONDS = 2;
    /** Upper bound of one connection attempt over all hosts (pgJDBC {@code loginTimeout}, seconds). */
    public static final int LOGIN_TIMEOUT_SECONDS = 2;
    /** TCP connect timeout per host; on loopback a dead node refuses at once, a hung one is given up after 2 s. */
    public static final int CONNECT_TIMEOUT_SECONDS = 2;
    /**
     * Read timeout: a statement that gets no answer for this long fails instead of hanging. It bounds the worst case
     * of a failover (a commit waiting for a synchronous standby that died, a node that is frozen rather than
     * stopped) while being well above any statement of the drills, which take milliseconds.
     */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private ClusterUrls() {
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public static String single(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * A URL over all nodes that connects to whichever is the primary now: {@code jdbc:postgresql://h1:p1,h2:p2/db?
     * targetServerType=primary&hostRecheckSeconds=2&loginTimeout=2&connectTimeout=2&socketTimeout=<s>}.
     */
    public static String multiHost(String host, List<Integer> ports, String database, Duration socketTimeout) {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no ports");
        }
        long socketSeconds = Math.max(1, (socketTimeout.toMillis() + 999) / 1000);
        return "jdbc:postgresql://"
                + ports.stream().map(p -> host + ":" + p).collect(Collectors.joining(","))
                + "/" + database
                + "?targetServerType=primary"
                + "&hostRecheckSeconds=" + HOST_RECHECK_SECONDS
                + "&loginTimeout=" + LOGIN_TIMEOUT_SECONDS
                + "&connectTimeout=" + CONNECT_TIMEOUT_SECONDS
                + "&socketTimeout=" + socketSeconds;
    }
}
