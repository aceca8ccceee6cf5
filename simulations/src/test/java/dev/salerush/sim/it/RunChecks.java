package dev.salerush.sim.it;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.report.LanguageLint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.integrity.IntegrityChecks;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.results.RunFiles;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the integration tests check of every run: its one run folder, and that nothing of it is left behind. */
final class RunChecks {
    static final String SIMULATION = "dev.salerush.sim.simulations.SaleSimulation";
    static final ObjectMapper JSON = new ObjectMapper();

    private RunChecks() {
    }

    /** A short smoke run on a small dataset (the seeder's own tests cover production volume). */
    static Map<String, String> shortSmokeRun(Path work) {
        Map<String, String> properties = new HashMap<>();
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        properties.put("duration", "5s");
        properties.put("warmup.during", "3s");
        return properties;
    }

    /** One check of summary.json's {@code integrity} section, by name; fails the test when it is missing. */
    static JsonNode integrityCheck(JsonNode integrity, String name) {
        for (JsonNode check : integrity.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check '" + name + "' in " + integrity);
    }

    /**
     * Every integrity check passes, except that a SIGKILL may leave charges without an order: an instance killed between
     * the payment and its commit leaves a charge the dead process can no longer void (the demo shop charges inside its
     * order transaction; only a payment intent recorded before the charge, settled by a reconciliation, would avoid
     * it). Such charges are counted, at most 3 per kill (one instance's orders in flight); nothing else may be wrong.
     * Returns how many there were.
     */
    static long assertIntegrityPassesButForChargesCutByKills(JsonNode integrity, int kills) {
        for (JsonNode check : integrity.path("checks")) {
            if (!check.path("name").asText().equals(IntegrityChecks.PAYMENTS_MATCH)) {
                assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
            }
        }
        assertThat(integrity.path("figures").path("acknowledgedMissing").asLong()).isZero();
        JsonNode payments = integrityCheck(integrity, IntegrityChecks.PAYMENTS_MATCH);
        if (payments.path("passed").asBoolean()) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": 0 PAID orders without a standing charge, "
                + "(\\d+) standing charges without a PAID order.*, 0 orders charged more than once, 0 charged "
                + "another amount").matcher(payments.path("detail").asText());
        assertThat(m.find()).as("only charges without an order: " + payments).isTrue();
        long cut = Long.parseLong(m.group(1));
        assertThat(cut).as("charges cut by %d kill(s)", kills).isBetween(1L, 3L * kills);
        return cut;
    }

    /** A run's integrity passes: its verdict, no duplicate order, nothing oversold, no acknowledged order missing. */
    static void assertIntegrityPasses(JsonNode integrity) {
        assertThat(integrity.path("verdict").asText()).as(integrity.toString()).isEqualTo("pass");
        assertThat(integrityCheck(integrity, IntegrityChecks.ONE_ORDER_PER_KEY).path("passed").asBoolean())
                .as("no duplicate order").isTrue();
        assertThat(integrity.path("figures").path("oversoldUnits").asLong()).isZero();
        assertThat(integrity.path("figures").path("acknowledgedMissing").asLong()).isZero();
    }

    static Path onlyRunFolder(Path work) throws IOException {
        List<Path> folders = runFolders(work.resolve("results"));
        assertThat(folders).hasSize(1);
        return folders.get(0);
    }

    /**
     * The run folders in a results folder, by name: every folder but the suite's own beside them
     * ({@code RunFiles.NOT_RUNS}: findings/, pending-undo/).
     */
    static List<Path> runFolders(Path results) throws IOException {
        try (Stream<Path> entries = Files.list(results)) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> !RunFiles.NOT_RUNS.contains(dir.getFileName().toString())).sorted().toList();
        }
    }

    /**
     * Every page the suite wrote into the run folder (report.html, summary.md, the test plan, the incident reports,
     * the SPOF table; not Gatling's own index.html) is in one language: no sentence of the other script outside code.
     */
    static void assertPagesInOneLanguage(Path runDir, ReportLocale locale) throws IOException {
        List<String> offences = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path page : files.filter(RunChecks::isSuitePage).sorted().toList()) {
                LanguageLint.offences(Files.readString(page), locale)
                        .forEach(o -> offences.add(page.getFileName() + ": " + o));
            }
        }
        assertThat(offences).as("sentences of the other language on the pages of " + runDir).isEmpty();
    }

    private static boolean isSuitePage(Path file) {
        String name = file.getFileName().toString();
        return name.equals("report.html") || name.equals("summary.md") || name.startsWith("incident-")
                || name.startsWith("spof.") || name.startsWith("plan.");
    }

    /**
     * The run's test plan shows the figures its summary.json holds: each step of the derivation ends in the summary's
     * {@code plan} value as the page rounds it (rps to one decimal, T to three, VU rounded up), and the counts loaded
     * are the rows the seeder reports in {@code environment.dataset.rows}. Read from the page's marked cells, so no
     * figure is typed twice.
     */
    static void assertPlanMatchesSummary(Path runDir, JsonNode summary) throws IOException {
        String page = Files.readString(runDir.resolve("plan.html"));
        JsonNode plan = summary.path("plan");
        String average = grouped(plan, "averageRps", 1);
        String peak = grouped(plan, "peakRps", 1);
        String t = grouped(plan, "iterationSeconds", 3);
        Map<String, String> cells = markedCells(page, "data-figure");
        assertThat(cells.get("averageRps")).as("average rps").isEqualTo(grouped(plan, "dau", 0) + " × "
                + grouped(plan, "requestsPerUserPerDay", 3) + " / 86,400 = " + average + " rps");
        assertThat(cells.get("peakRps")).as("peak rps")
                .isEqualTo(average + " × " + grouped(plan, "peakToAverage", 3) + " = " + peak + " rps");
        assertThat(cells.get("iterationSeconds")).as("T").endsWith("= " + t + "초");
        assertThat(cells.get("virtualUsers")).as("VU").isEqualTo(peak + " × " + t + " / "
                + grouped(plan, "requestsPerIteration", 0) + " = " + grouped(plan, "virtualUsers", 1) + " → "
                + (long) Math.ceil(plan.path("virtualUsers").asDouble()) + " (올림)");
        assertThat(cells.get("usersPerSec")).as("users arriving")
                .endsWith("= " + grouped(plan, "usersPerSec", 1) + "명");
        JsonNode rows = summary.path("environment").path("dataset").path("rows");
        Map<String, String> tables = markedCells(page, "data-table");
        for (String table : List.of("brand", "product", "app_user", "orders")) {
            assertThat(tables.get(table)).as("rows of " + table).isEqualTo(grouped(rows, table, 0));
        }
        assertThat(runDir.resolve("plan.md")).content().contains(cells.get("averageRps"), cells.get("virtualUsers"));
    }

    private static String grouped(JsonNode node, String field, int decimals) {
        assertThat(node.has(field)).as(field + " in " + node).isTrue();
        return Numbers.grouped(node.path(field).asDouble(), decimals);
    }

    /** The text of every table cell carrying {@code attribute="<name>"}, by name, with code spans as plain text. */
    private static Map<String, String> markedCells(String page, String attribute) {
        Map<String, String> cells = new HashMap<>();
        Matcher cell = Pattern.compile(attribute + "=\"([\\w-]+)\">(.*?)</td>").matcher(page);
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2).replaceAll("</?code>", ""));
        }
        return cells;
    }

    static JsonNode summary(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("summary.json").toFile());
    }

    /**
     * The shop, the gateway and the embedded PostgreSQL must be gone once the Gatling JVM has exited: their ports are
     * closed and no process refers to this run's folder (other tests may run their own shops meanwhile).
     */
    static void assertNothingLeftBehind(JsonNode summary, Path runDir) {
        JsonNode environment = summary.path("environment");
        List<String> parts = Stream.of("shop", "gateway", "database").filter(environment::hasNonNull).toList();
        List<Integer> ports = parts.stream()
                .map(name -> URI.create(environment.path(name).asText().replace("jdbc:", "")).getPort())
                .toList();
        for (int i = 0; i < parts.size(); i++) {
            assertThat(isListening(ports.get(i))).as(parts.get(i) + " port " + ports.get(i)
                    + " still listening after the run").isFalse();
        }
        assertNothingLeftBehind(ports, runDir);
    }

    static void assertNothingLeftBehind(List<Integer> ports, Path runDir) {
        for (int port : ports) {
            assertThat(isListening(port)).as("port " + port + " still listening after the run").isFalse();
        }
        assertThat(ProcessHandle.allProcesses()
                .map(RunChecks::commandLine)
                .filter(cmd -> cmd.contains(runDir.toString()) || ports.stream().anyMatch(port -> cmd.contains(" " + port + " ")))
                .toList()).as("processes of the run left behind").isEmpty();
    }

    /**
     * Every port a drill run's embedded environment listened on, as its summary's {@code environment} names them: the
     * shop (single) or the instances and the load balancer (redundant), the gateway, the database nodes, the alerting
     * stack.
     */
    static List<Integer> ports(JsonNode environment) {
        List<Integer> ports = new java.util.ArrayList<>();
        environment.path("instances").forEach(i -> ports.add(URI.create(i.path("url").asText()).getPort()));
        for (String part : List.of("shop", "gateway", "loadBalancer")) {
            if (environment.hasNonNull(part)) {
                ports.add(URI.create(environment.path(part).asText()).getPort());
            }
        }
        java.util.regex.Matcher db = java.util.regex.Pattern.compile(":(\\d+)[,/]")
                .matcher(environment.path("database").asText());
        while (db.find()) {
            ports.add(Integer.parseInt(db.group(1)));
        }
        JsonNode alerting = environment.path("alerting");
        for (String part : List.of("prometheusPort", "alertmanagerPort", "webhookPort", "probeExporterPort")) {
            ports.add(alerting.path(part).asInt());
        }
        assertThat(ports).as("ports of " + environment).allMatch(port -> port > 0);
        return ports;
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The children (shop, gateway, postgres) a Gatling JVM started whose command line contains {@code text}. */
    static List<ProcessHandle> children(Process gatling, String text) {
        return gatling.descendants().filter(p -> commandLine(p).contains(text)).toList();
    }

    /**
     * The whole command line: ProcessHandle.Info cuts it at 4,096 characters, and a JVM's classpath alone is longer,
     * so its main class and arguments would be lost.
     */
    static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | UnsupportedOperationException gone) {
            return process.info().commandLine().orElse("");
        }
    }
}
