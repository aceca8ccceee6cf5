package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.example.goods.GoodsStandIn;

import dev.salerush.seeder.process.SuiteProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goods stand-in in a process of its own, as a team's service runs apart from its load test: started with a login
 * password, so its API wants a bearer token, and stopped by closing its standard input (it cannot outlive the test).
 * What it served is read from its {@code /served} endpoint.
 */
final class GoodsStandInProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BASE_URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Pattern JDBC_URL = Pattern.compile("PostgreSQL at (jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/\\S+?);");

    private final Process process;
    private final Path errors;
    private final Matcher baseUrl;
    private final Matcher jdbcUrl;

    private GoodsStandInProcess(Process process, Path errors, Matcher baseUrl, Matcher jdbcUrl) {
        this.process = process;
        this.errors = errors;
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts {@code GoodsStandIn 0} with the test's classpath and {@code password}, and waits for its two URLs. */
    static GoodsStandInProcess startWithLogin(String password) throws IOException {
        Path errors = Files.createTempFile("goods-stand-in", ".err");
        Process process = SuiteProcesses.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgoods.password=" + password, "-cp", System.getProperty("java.class.path"),
                GoodsStandIn.class.getName(), "0", "--stop-when-stdin-closes")
                .redirectError(errors.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Matcher base = awaitLine(out, BASE_URL, process, errors);
        Matcher jdbc = awaitLine(out, JDBC_URL, process, errors);
        // whatever it prints later is read too, so a full pipe never stalls it
        Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "goods-stand-in-stdout");
        drain.setDaemon(true);
        drain.start();
        return new GoodsStandInProcess(process, errors, base, jdbc);
    }

    private static Matcher awaitLine(BufferedReader out, Pattern pattern, Process process, Path errors) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the goods stand-in ended before printing " + pattern + ":\n" + Files.readString(errors));
    }

    String baseUrl() {
        return baseUrl.group(1);
    }

    String jdbcUrl() {
        return jdbcUrl.group(1);
    }

    /** The stand-in's API port and its database's: neither may be left listening once it is closed. */
    List<Integer> ports() {
        return List.of(Integer.parseInt(baseUrl.group(2)), Integer.parseInt(jdbcUrl.group(2)));
    }

    /** Requests served so far per endpoint (GoodsStandIn's names: login, goods list, goods detail, purchase). */
    Map<String, Long> served() throws IOException, InterruptedException {
        Map<String, Long> counts = new LinkedHashMap<>();
        servedReport().path("served").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** API requests refused 401 for want of a valid bearer token. */
    long refusedWithoutToken() throws IOException, InterruptedException {
        return servedReport().path("refusedWithoutToken").asLong();
    }

    private JsonNode servedReport() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/served")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(errors);
    }
}
