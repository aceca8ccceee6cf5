package dev.salerush.sim.drills;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A team's Prometheus and Alertmanager as the drills ask them, on one loopback port: canned answers for the paths
 * they read, a token it may require. A real HTTP server, so the requests, headers and failures are real.
 */
final class TeamAlertingStub implements AutoCloseable {
    final Map<String, String> answers = new ConcurrentHashMap<>();
    volatile String requiredAuthorization;
    private final HttpServer server;

    TeamAlertingStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = answers.get(path);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            int status = requiredAuthorization != null && !requiredAuthorization.equals(auth) ? 401
                    : body == null ? 404 : 200;
            byte[] bytes = (status == 200 ? body : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        rules("ShopInstanceDown", "High5xxRatio");
        answers.put("/api/v1/alertmanagers", """
                {"status":"success","data":{"activeAlertmanagers":[{"url":"http://127.0.0.1:9093/api/v2/alerts"}]}}""");
        answers.put("/api/v1/status/config", """
                {"status":"success","data":{"yaml":"global:\\n  scrape_interval: 1s\\n  evaluation_interval: 500ms\\n"}}""");
        routeTo(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The alerting rules loaded, each with {@code for: 5s}. */
    void rules(String... names) {
        StringBuilder rules = new StringBuilder();
        for (String name : names) {
            rules.append(rules.isEmpty() ? "" : ",").append("{\"type\":\"alerting\",\"name\":\"").append(name)
                    .append("\",\"duration\":5}");
        }
        answers.put("/api/v1/rules", "{\"status\":\"success\",\"data\":{\"groups\":[{\"name\":\"g\",\"rules\":["
                + rules + "]}]}}");
    }

    /** Alertmanager's configuration: group_wait 10s and a webhook to the receiver on {@code port} (0 = none). */
    void routeTo(int port) {
        String webhook = port == 0 ? "" : "\\n- name: drill\\n  webhook_configs:\\n  - url: http://127.0.0.1:" + port
                + "/alerts";
        answers.put("/api/v2/status", "{\"config\":{\"original\":\"route:\\n  receiver: team\\n  group_wait: 10s\\n"
                + "receivers:\\n- name: team" + webhook + "\\n\"}}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
