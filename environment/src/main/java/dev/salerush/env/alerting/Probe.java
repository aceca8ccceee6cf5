package dev.salerush.env.alerting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One blackbox check the {@link ProbeExporter} runs on every scrape: up when {@link #check} returns, down when it
 * throws (or takes longer than the exporter's bound).
 */
public interface Probe {

    /** The {@code target} label, e.g. {@code db} or {@code gateway}. */
    String name();

    /** Probes the target once; throws when it is down. */
    void check() throws Exception;

    /** A probe named {@code name} that runs {@code check}. */
    static Probe of(String name, Check check) {
        return new Probe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void check() throws Exception {
                check.run();
            }
        };
    }

    /** The body of a probe. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /**
     * {@code SELECT 1} over a new JDBC connection to {@code jdbcUrl} (for a database pair: the multi-host URL with
     * {@code targetServerType=primary}, so the probe is down while there is no primary). The URL's login, connect and
     * socket timeouts are replaced by 1 s: a probe must answer within the scrape, not after the driver's defaults.
     */
    static Probe jdbc(String name, String jdbcUrl, String user, String password) {
        String url = withOneSecondTimeouts(jdbcUrl);
        return of(name, () -> {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute("SELECT 1");
            }
        });
    }

    /** {@code GET url} (e.g. the gateway's {@code /__admin/health}); up on a 2xx answer. */
    static Probe http(String name, URI url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).GET().build();
        return of(name, () -> {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                throw new IllegalStateException("GET " + url + " answered " + status);
            }
        });
    }

    /** {@code jdbcUrl} with {@code loginTimeout}, {@code connectTimeout} and {@code socketTimeout} set to 1 (s). */
    static String withOneSecondTimeouts(String jdbcUrl) {
        String url = jdbcUrl;
        for (String key : new String[] {"loginTimeout", "connectTimeout", "socketTimeout"}) {
            url = url.replaceAll("([?&])" + Pattern.quote(key) + "=[^&]*&?", "$1");
        }
        url = url.replaceAll("[?&]$", "");
        return url + (url.contains("?") ? "&" : "?") + "loginTimeout=1&connectTimeout=1&socketTimeout=1";
    }
}
