package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salerush.seeder.process.SuiteProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link FixedDelayServer} in its own process, for tests and benchmarks; closing it ends the process. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private TestServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code FixedDelayServer <delayMillis> [workers]} and waits for the port it listens on. */
    public static TestServer start(long delayMillis, Integer workers) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FixedDelayServer.class.getName(), String.valueOf(delayMillis)));
        if (workers != null) {
            command.add(String.valueOf(workers));
        }
        Process process = SuiteProcesses.builder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String firstLine = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        return new TestServer(process, Integer.parseInt(firstLine.trim()));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the server says it served: counts and its own service-time figures. */
    public JsonNode served() throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/served")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body);
    }

    /** From now on, the requests of shard {@code shard} (query {@code shard=<index>}) take {@code extraMillis} longer. */
    public void slowDownShard(int shard, long extraMillis) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/slow?ms=" + extraMillis
                + "&shard=" + shard)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The summary.json of the only run in {@code resultsDir}. */
    public static JsonNode onlySummary(Path resultsDir) throws IOException {
        return JSON.readTree(onlyRunFolder(resultsDir).resolve("summary.json").toFile());
    }

    /** The one run folder in {@code resultsDir}. */
    public static Path onlyRunFolder(Path resultsDir) throws IOException {
        List<Path> folders = RunChecks.runFolders(resultsDir); // results/index.html and findings/ sit beside them
        if (folders.size() != 1) {
            throw new AssertionError("expected one run folder in " + resultsDir + ", found " + folders);
        }
        return folders.get(0);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
