package dev.salerush.env.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.schema.Schema;
import dev.salerush.shop.config.AdmissionSettings;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.demo.GatewaySettings;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.env.process.ProcessOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Test helpers: embedded PostgreSQL with the seeder's schema, fixture rows, the two processes, HTTP calls. */
final class TestEnv {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final OffsetDateTime BASE_TIME = OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TestEnv() {
    }

    static Path logDir() {
        return Path.of(System.getProperty("salerush.test.logDir", "target/it-logs"));
    }

    static ProcessOptions options(String name) {
        return ProcessOptions.of(logDir().resolve(name + ".log")).withHeap("256m")
                .withStartupTimeout(Duration.ofSeconds(60));
    }

    /** A fresh embedded database with the seeder's schema (tables, keys, indexes) and no rows. */
    static EmbeddedDatabase database() throws SQLException {
        EmbeddedDatabase db = EmbeddedDatabase.start();
        try (Connection c = db.connect()) {
            Schema.create(c);
        }
        return db;
    }

    static PaymentGatewayProcess gateway(String name) {
        return PaymentGatewayProcess.start(GatewaySettings.DEFAULTS.withLatency(Duration.ofMillis(5), 0.1),
                options(name));
    }

    /**
     * Shop settings for the ITs, with the 10 s pool wait the shop had before {@code --pool-wait}: these tests check
     * correctness under contention (e.g. 50 orders for one row-locked product on 12 connections) and were calibrated
     * with it; with the 1 s default a busy 2-core machine answers some of them 503 DATABASE_UNAVAILABLE.
     */
    static ShopSettings shopSettings(EmbeddedDatabase db, PaymentGatewayProcess gateway) {
        AdmissionSettings d = AdmissionSettings.DEFAULTS;
        return ShopSettings.defaults(db.jdbcUrl(), db.user(), db.password(), gateway.baseUrl())
                .withPort(0).withPools(4, 12)
                .withAdmission(new AdmissionSettings(d.maxConcurrent(), d.maxQueued(), d.queueWait(),
                        Duration.ofSeconds(10)));
    }

    static DemoShopProcess shop(ShopSettings settings, String name) {
        return DemoShopProcess.start(settings, options(name));
    }

    static void brand(Connection c, long id, String name, int productCount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO brand (id, name, product_count, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setInt(3, productCount);
            ps.setObject(4, BASE_TIME);
            ps.executeUpdate();
        }
    }

    static void product(Connection c, long id, long brandId, int price, int salePrice, int discountRate, int stock,
                        OffsetDateTime createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO product (id, brand_id, name, description, price,"
                + " sale_price, discount_rate, stock, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, brandId);
            ps.setString(3, "product " + id);
            ps.setString(4, "description of product " + id);
            ps.setInt(5, price);
            ps.setInt(6, salePrice);
            ps.setInt(7, discountRate);
            ps.setInt(8, stock);
            ps.setObject(9, createdAt);
            ps.executeUpdate();
        }
    }

    static void users(Connection c, int count) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO app_user (id, name, email, address, created_at) SELECT g, 'user ' || g,"
                    + " 'u' || g || '@example.com', 'Seoul', now() FROM generate_series(1, " + count + ") g");
        }
    }

    static long scalar(EmbeddedDatabase db, String sql, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    record Response(int status, String body, HttpHeaders headers) {
        /** The first value of header {@code name}, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static Response get(String baseUrl, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    static Response order(String baseUrl, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b);
    }

    static Response order(String baseUrl, String key, long userId, long productId, int quantity) {
        return order(baseUrl, key, "{\"userId\":" + userId + ",\"productId\":" + productId
                + ",\"quantity\":" + quantity + "}");
    }

    static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The value of one Prometheus sample line that starts with {@code prefix} (name and labels). */
    static double metric(String metrics, String name, String... labelParts) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String part : labelParts) {
                    all &= line.contains(part);
                }
                if (all) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Double.NaN;
    }
}
