package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.seeder.process.SuiteProcesses;
import dev.salerush.sim.staging.StagingMain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standing staging in a process of its own, as a team's staging runs apart from its drills: started with
 * {@link StagingMain} and the test's classpath, ready once its info file is written, stopped with SIGTERM.
 */
final class StagingProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PORT = Pattern.compile(":(\\d+)[,/]");

    private final Process process;
    private final Path infoFile;
    private final Path output;
    private final List<Integer> ports = new ArrayList<>();

    private StagingProcess(Process process, Path infoFile, Path output) {
        this.process = process;
        this.infoFile = infoFile;
        this.output = output;
    }

    /** Starts the staging; its Alertmanager also posts every alert to {@code notifyUrl}. Waits for its info file. */
    static StagingProcess start(Path work, String notifyUrl, String... settings) throws IOException,
            InterruptedException {
        Path info = work.resolve("staging-info.json");
        Path output = work.resolve("staging.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dsalerush.root=" + GatlingProcess.PROJECT_ROOT,
                "-Dstaging.info=" + info, "-Dstaging.notify=" + notifyUrl, "-Dstaging.dir=" + work.resolve("staging"),
                "-Dembedded.snapshots.dir=" + GatlingProcess.PROJECT_ROOT.resolve("simulations/target/snapshots"),
                "-Dsun.net.httpserver.nodelay=true"));
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StagingMain.class.getName()));
        Process process = SuiteProcesses.builder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        StagingProcess staging = new StagingProcess(process, info, output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(info)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the staging did not become ready:\n" + Files.readString(output));
            }
            Thread.sleep(200);
        }
        staging.ports.addAll(staging.portsOf(staging.info()));
        return staging;
    }

    /** The info file as it is now (pids change with restarts). */
    JsonNode info() throws IOException {
        return JSON.readTree(infoFile.toFile());
    }

    String url(String field) throws IOException {
        return info().path(field).asText();
    }

    long pid(String instance) throws IOException {
        for (JsonNode i : info().path("instances")) {
            if (i.path("name").asText().equals(instance)) {
                return i.path("pid").asLong();
            }
        }
        throw new AssertionError("no instance " + instance + " in " + info());
    }

    /** {@code POST <opsUrl>} as a team's deploy system would; returns its answer's status. */
    int operate(String operation) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("opsUrl")))
                .POST(HttpRequest.BodyPublishers.ofString(operation)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    /** Every port the staging listened on at its start: none may be left listening once it stopped. */
    List<Integer> ports() {
        return List.copyOf(ports);
    }

    private List<Integer> portsOf(JsonNode info) {
        List<Integer> found = new ArrayList<>();
        for (String field : List.of("baseUrl", "prometheusUrl", "alertmanagerUrl", "opsUrl", "gatewayAdminUrl")) {
            found.add(URI.create(info.path(field).asText()).getPort());
        }
        info.path("instances").forEach(i -> found.add(i.path("port").asInt()));
        Matcher db = PORT.matcher(info.path("dbUrl").asText());
        while (db.find()) {
            found.add(Integer.parseInt(db.group(1)));
        }
        return found;
    }

    /** SIGTERM, as Ctrl-C would; waits for everything to stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the staging did not stop within 60 s of SIGTERM");
        }
    }
}
