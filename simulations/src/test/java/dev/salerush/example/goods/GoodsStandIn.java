package dev.salerush.example.goods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small stand-in for a team's API of another shape than the demo shop's, for the example {@link GoodsSimulation}:
 * a catalogue of {@link #BRANDS} brands with {@link #GOODS_PER_BRAND} goods each, offset paging, an envelope
 * {@code {"data": ...}}, purchases keyed by {@code X-Request-Id}. Stock and purchases live in a real PostgreSQL of its
 * own ({@link GoodsStore}), which the suite's order-integrity check reads with conf/examples/goods.conf's
 * {@code integrity.queries}. {@code GET /served} tells how many requests it answered per endpoint, and how many it
 * refused for want of a token, so a test can compare them with the suite's figures. Listens on 127.0.0.1 only.
 * <pre>
 * GET  /v1/goods?brand=B0007&amp;sort=popular|recent|price&amp;offset=0&amp;limit=20
 * GET  /v1/goods/{goodsNo}
 * POST /v1/purchases {"memberNo":..,"goodsNo":..,"qty":1} with X-Request-Id -> 201 | 409 {"code":"SOLD_OUT"}
 * </pre>
 * Started with a login password ({@link #startWithLogin}, or {@code -Dgoods.password=...} for {@link #main}) it is a
 * service that wants its users logged in, as the team project the archetype generates expects:
 * <pre>
 * POST /v1/login {"username":"shopper01","password":..} -> 200 {"data":{"accessToken":..,"tokenType":"Bearer"}} | 401
 * </pre>
 * and every endpoint of the API answers 401 without {@code Authorization: Bearer <a token it handed out>}; a
 * purchase's member is then the token's user. {@code /health} stays open, and so do {@code /metrics} and
 * {@code /served}, which are the stand-in's operations, not its API (the suite scrapes {@code /metrics} without a
 * token, and a request the journey sent without one must be the only kind counted as refused).
 */
public final class GoodsStandIn implements AutoCloseable {
    /** The port conf/examples/goods.conf's target.baseUrl names. */
    static final int DEFAULT_PORT = 8090;
    public static final int BRANDS = 20;
    public static final int GOODS_PER_BRAND = 30;
    /** Units of every goods item; a few hot items sell out within a short run. */
    static final int STOCK = 40;
    public static final String LIST = "goods list";
    public static final String DETAIL = "goods detail";
    public static final String PURCHASE = "purchase";
    public static final String LOGIN = "login";
    /** The system property {@link #main} takes the login password from; unset: the API is open, as before. */
    static final String PASSWORD_PROPERTY = "goods.password";
    /** {@link #main}'s option to stop when its standard input closes: a test's stand-in cannot outlive the test. */
    static final String STOP_WHEN_STDIN_CLOSES = "--stop-when-stdin-closes";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server delays small responses (Nagle) without it; read when the server class is first used
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
    private final LongAdder refusedWithoutToken = new LongAdder();
    private final GoodsStore store;
    /** Present when the API wants a login; empty: it is open. */
    private final Optional<GoodsLogins> logins;
    /** Answers per HTTP status, for the Prometheus endpoint the suite scrapes during a run. */
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    private GoodsStandIn(int port, GoodsStore store, Optional<GoodsLogins> logins) throws IOException {
        this.store = store;
        this.logins = logins;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(workers);
        server.createContext("/health", exchange -> send(exchange, 200, Map.of("status", "UP")));
        server.createContext("/served", exchange -> send(exchange, 200,
                Map.of("served", servedCounts(), "refusedWithoutToken", refusedWithoutToken())));
        server.createContext("/metrics", this::metrics);
        server.createContext("/v1/goods", withToken(this::goods));
        server.createContext("/v1/purchases", withToken(this::purchase));
        if (logins.isPresent()) {
            server.createContext("/v1/login", exchange -> login(exchange, logins.get()));
        }
        server.start();
    }

    /** Starts the stand-in on 127.0.0.1:{@code port} (0: a free port), with a fresh PostgreSQL of its own. */
    public static GoodsStandIn start(int port) throws IOException {
        return start(port, false, Optional.empty());
    }

    /**
     * The stand-in of a service that wants its users logged in: {@code POST /v1/login} with one of
     * {@link GoodsLogins#ACCOUNTS} and {@code password}, and the bearer token it answers on every other API request.
     */
    public static GoodsStandIn startWithLogin(int port, String password) throws IOException {
        return start(port, false, Optional.of(new GoodsLogins(password)));
    }

    /**
     * A faulty stand-in for tests of the integrity check: it answers every {@value GoodsStore#LOSE_EVERY}th new
     * purchase 201 with a purchase number, yet rolls it back — an acknowledged purchase the database never kept.
     */
    public static GoodsStandIn startLosingPurchases(int port) throws IOException {
        return start(port, true, Optional.empty());
    }

    private static GoodsStandIn start(int port, boolean losePurchases, Optional<GoodsLogins> logins) throws IOException {
        GoodsStore store = GoodsStore.start(goodsNumbers(), STOCK, losePurchases);
        try {
            return new GoodsStandIn(port, store, logins);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * {@code GoodsStandIn [port] [--stop-when-stdin-closes]}: serves until the JVM is stopped (Ctrl-C, SIGTERM) or,
     * with the option, until its standard input closes; prints its base URL and database URL. With
     * {@code -Dgoods.password=<password>} the API wants a login ({@link #startWithLogin}).
     */
    public static void main(String[] args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean untilStdinCloses = arguments.remove(STOP_WHEN_STDIN_CLOSES);
        int port = arguments.isEmpty() ? DEFAULT_PORT : parsePort(arguments.get(0));
        String password = System.getProperty(PASSWORD_PROPERTY, "");
        GoodsStandIn standIn;
        try {
            standIn = password.isEmpty() ? start(port) : startWithLogin(port, password);
        } catch (java.net.BindException e) {
            System.err.println("goods stand-in: 127.0.0.1:" + port + " is taken (" + e.getMessage()
                    + "); choose another port with -Dgoods.port=<port> and pass -Dtarget.baseUrl to the run");
            System.exit(3);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "goods-stand-in-stop"));
        System.out.println("goods stand-in listening on " + standIn.baseUrl() + " (Ctrl-C stops it)");
        System.out.println("its purchases are in PostgreSQL at " + standIn.jdbcUrl() + "; check them with:");
        if (password.isEmpty()) {
            System.out.println("  ./mvnw gatling:test -Dsalerush.conf=conf/examples/goods.conf -Ddb.url=" + standIn.jdbcUrl()
                    + (port == DEFAULT_PORT ? "" : " -Dtarget.baseUrl=" + standIn.baseUrl()));
        } else {
            System.out.println("  (in a project generated from salerush-archetype) SHOP_TEST_PASSWORD=<that password> ./mvnw"
                    + " gatling:test -Dprofile=smoke -Dtarget.baseUrl=" + standIn.baseUrl() + " -Ddb.url=" + standIn.jdbcUrl()
                    + " -Ddb.user=postgres");
        }
        if (untilStdinCloses) {
            while (System.in.read() != -1) {
                // the parent closes our standard input, or ends, when it is done with us
            }
            System.exit(0);
        }
    }

    private static int parsePort(String argument) {
        try {
            int port = Integer.parseInt(argument.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("goods stand-in: port must be a number from 0 to 65535, got '" + argument + "'");
        System.exit(3);
        return -1;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JDBC URL of the stand-in's PostgreSQL (user {@code postgres}, no password on loopback). */
    public String jdbcUrl() {
        return store.jdbcUrl();
    }

    /** Purchases the database holds (a test compares them with the suite's figures). */
    public long purchasesStored() {
        return store.purchases();
    }

    /**
     * Requests answered so far, per endpoint ({@link #LIST}, {@link #DETAIL}, {@link #PURCHASE}, and {@link #LOGIN}
     * when the API wants a login); a request refused for want of a token is in none of them.
     */
    public Map<String, Long> servedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> endpoints = logins.isPresent() ? List.of(LOGIN, LIST, DETAIL, PURCHASE) : List.of(LIST, DETAIL, PURCHASE);
        for (String endpoint : endpoints) {
            counts.put(endpoint, served.getOrDefault(endpoint, new LongAdder()).sum());
        }
        return counts;
    }

    /** API requests answered 401 because they carried no token, or one this stand-in never handed out. */
    public long refusedWithoutToken() {
        return refusedWithoutToken.sum();
    }

    static String goodsNo(int brand, int item) {
        return String.format("G%06d", (brand - 1) * GOODS_PER_BRAND + item);
    }

    private static List<String> goodsNumbers() {
        List<String> numbers = new ArrayList<>();
        for (int brand = 1; brand <= BRANDS; brand++) {
            for (int item = 1; item <= GOODS_PER_BRAND; item++) {
                numbers.add(goodsNo(brand, item));
            }
        }
        return numbers;
    }

    /** The goods number's item within its brand (1-based), or 0 when it names no goods item. */
    private static int itemOf(String goodsNo) {
        if (!goodsNo.matches("G\\d{6}")) {
            return 0;
        }
        int number = Integer.parseInt(goodsNo.substring(1));
        return number >= 1 && number <= BRANDS * GOODS_PER_BRAND ? (number - 1) % GOODS_PER_BRAND + 1 : 0;
    }

    static String brandCode(int brand) {
        return String.format("B%04d", brand);
    }

    private void goods(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/v1/goods")) {
            list(exchange);
        } else {
            detail(exchange, path.substring("/v1/goods/".length()));
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        count(LIST);
        Map<String, String> query = query(exchange);
        String brand = query.getOrDefault("brand", "");
        int brandIndex = brand.matches("B\\d{4}") ? Integer.parseInt(brand.substring(1)) : 0;
        int offset = intOr(query.get("offset"), -1);
        int limit = intOr(query.get("limit"), -1);
        if (brandIndex < 1 || brandIndex > BRANDS || !List.of("popular", "recent", "price").contains(query.get("sort"))
                || offset < 0 || limit < 1 || limit > 100) {
            send(exchange, 400, Map.of("code", "BAD_REQUEST"));
            return;
        }
        List<Map<String, Object>> page = new ArrayList<>();
        for (int item = offset + 1; item <= Math.min(offset + limit, GOODS_PER_BRAND); item++) {
            page.add(goodsItem(brandIndex, item));
        }
        send(exchange, 200, Map.of("data", Map.of("goods", page,
                "paging", Map.of("offset", offset, "limit", limit, "total", GOODS_PER_BRAND))));
    }

    private void detail(HttpExchange exchange, String goodsNo) throws IOException {
        count(DETAIL);
        if (itemOf(goodsNo) == 0) {
            send(exchange, 404, Map.of("code", "NOT_FOUND"));
            return;
        }
        int number = Integer.parseInt(goodsNo.substring(1)) - 1;
        send(exchange, 200, Map.of("data", goodsItem(number / GOODS_PER_BRAND + 1, number % GOODS_PER_BRAND + 1)));
    }

    /** An API endpoint: when the API wants a login, a request without a token this stand-in handed out gets 401. */
    private HttpHandler withToken(HttpHandler endpoint) {
        return exchange -> {
            if (logins.isPresent() && member(exchange).isEmpty()) {
                refusedWithoutToken.increment();
                send(exchange, 401, Map.of("code", "UNAUTHORIZED"));
            } else {
                endpoint.handle(exchange);
            }
        };
    }

    /** The logged-in user the request's bearer token names. */
    private Optional<String> member(HttpExchange exchange) {
        return logins.flatMap(known -> known.userOf(exchange.getRequestHeaders().getFirst("Authorization")));
    }

    private void login(HttpExchange exchange, GoodsLogins known) throws IOException {
        count(LOGIN);
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Optional<String> token = known.login(body.path("username").asText(), body.path("password").asText());
        if (token.isPresent()) {
            send(exchange, 200, Map.of("data", Map.of("accessToken", token.get(), "tokenType", "Bearer")));
        } else {
            send(exchange, 401, Map.of("code", "BAD_CREDENTIALS"));
        }
    }

    private void purchase(HttpExchange exchange) throws IOException {
        count(PURCHASE);
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String goodsNo = body.path("goodsNo").asText();
        int qty = body.path("qty").asInt(0);
        // a logged-in user buys for themself; on the open API the body names the member
        Optional<String> memberNo = logins.isPresent() ? member(exchange)
                : Optional.of(body.path("memberNo")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (requestId == null || requestId.isBlank() || memberNo.isEmpty() || qty < 1) {
            send(exchange, 400, Map.of("code", "BAD_REQUEST"));
        } else if (itemOf(goodsNo) == 0) {
            send(exchange, 404, Map.of("code", "NOT_FOUND"));
        } else {
            long amount = (long) salePrice(itemOf(goodsNo)) * qty;
            Optional<String> purchaseNo;
            try {
                purchaseNo = store.purchase(requestId, goodsNo, memberNo.get(), qty, amount);
            } catch (IllegalStateException e) {
                send(exchange, 500, Map.of("code", "ERROR"));
                return;
            }
            if (purchaseNo.isEmpty()) {
                send(exchange, 409, Map.of("code", "SOLD_OUT"));
            } else {
                send(exchange, 201, Map.of("data", Map.of("purchaseNo", purchaseNo.get(), "state", "COMPLETED")));
            }
        }
    }

    private Map<String, Object> goodsItem(int brand, int item) {
        return Map.of("goodsNo", goodsNo(brand, item), "brandCode", brandCode(brand), "title", "Goods " + item
                + " of " + brandCode(brand), "price", Map.of("list", listPrice(item), "sale", salePrice(item)));
    }

    private static int listPrice(int item) {
        return 10_000 + 500 * item;
    }

    private static int salePrice(int item) {
        return listPrice(item) * 8 / 10;
    }

    private void count(String endpoint) {
        served.computeIfAbsent(endpoint, key -> new LongAdder()).increment();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The few metrics the suite reads (conf metrics.names), in Prometheus text format, of this JVM. */
    private void metrics(HttpExchange exchange) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder text = new StringBuilder()
                .append("process_cpu_usage ").append(Math.max(0, os.getProcessCpuLoad())).append('\n')
                .append("jvm_memory_used_bytes{area=\"heap\",id=\"all\"} ")
                .append(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()).append('\n');
        statuses.forEach((status, count) -> text.append("http_server_requests_seconds_count{status=\"")
                .append(status).append("\"} ").append(count.sum()).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        store.close();
    }
}
