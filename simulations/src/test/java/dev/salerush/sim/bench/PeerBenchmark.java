package dev.salerush.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.it.GatlingProcess;
import dev.salerush.sim.it.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (prints figures, asserts nothing, outside CI): salerush (Gatling with the suite's exact recording),
 * Gatling alone, wrk, autocannon and Locust (where installed) against the same loopback endpoint, in one run, tools
 * alternating round by round: (a) the highest request rate each reaches, closed loop, same connections/users and
 * duration, requests counted by the tool; (b) p50/p95/p99 at a fixed moderate rate. Every figure is also given as a
 * ratio to wrk's from the same run. Normally started by {@code bench/peers.sh}, which builds, starts nginx and passes
 * its URL; without {@code --url} it starts the instant {@link TestServer} itself.
 * <p>
 * Arguments ({@code --name=value}): {@code url}, {@code rounds} (3), {@code seconds} (15), {@code connections} (64),
 * {@code rate} (1000), {@code peers} (folder with the peers' scripts and node_modules, default bench/peers).
 */
public final class PeerBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRK = "wrk";

    private PeerBenchmark() {
    }

    /** What one tool counted in one run: requests, over how long, errors, and (fixed rate only) percentiles in µs. */
    record Figures(long requests, double seconds, long errors, double p50Us, double p95Us, double p99Us) {
        double rps() {
            return requests / seconds;
        }
    }

    private interface Run {
        Figures run(boolean fixedRate) throws Exception;
    }

    /** A load generator, how it loads in each part, and the resolution of the times it reports. */
    private record Tool(String name, String closedLoop, String fixedRate, String timer, Run run) {
    }

    private record Settings(String url, int rounds, int seconds, int connections, int rate, Path peers) {
        static Settings parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                given.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            return new Settings(given.get("url"), Integer.parseInt(given.getOrDefault("rounds", "3")),
                    Integer.parseInt(given.getOrDefault("seconds", "15")),
                    Integer.parseInt(given.getOrDefault("connections", "64")),
                    Integer.parseInt(given.getOrDefault("rate", "1000")),
                    GatlingProcess.PROJECT_ROOT.resolve(given.getOrDefault("peers", "bench/peers")));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        // a Ctrl-C or kill of this JVM ends whatever tool or server it started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        Path work = Files.createTempDirectory("salerush-peers");
        TestServer server = settings.url() == null ? TestServer.start(0, null) : null;
        try {
            String url = server != null ? server.baseUrl() : settings.url();
            System.out.printf(Locale.ROOT, "endpoint %s/fixed; %d rounds; (a) %d connections/users, %d s closed loop;"
                    + " (b) %d rps for %d s%n", url, settings.rounds(), settings.connections(), settings.seconds(),
                    settings.rate(), settings.seconds());
            List<Tool> tools = tools(settings, url, work);
            Map<String, List<Figures>> max = new LinkedHashMap<>();
            Map<String, List<Figures>> fixed = new LinkedHashMap<>();
            for (int round = 0; round < settings.rounds(); round++) {
                for (boolean fixedRate : new boolean[] {false, true}) {
                    for (int i = 0; i < tools.size(); i++) {
                        // each round starts with another tool, so no tool always runs first or right after Gatling
                        Tool tool = tools.get((i + round) % tools.size());
                        Figures figures = tool.run().run(fixedRate);
                        (fixedRate ? fixed : max).computeIfAbsent(tool.name(), k -> new ArrayList<>()).add(figures);
                        System.out.println(raw(round + 1, fixedRate, tool.name(), figures));
                    }
                }
            }
            System.out.println();
            System.out.print(table(tools, max, fixed, settings));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static List<Tool> tools(Settings settings, String url, Path work) {
        String c = String.valueOf(settings.connections());
        String s = String.valueOf(settings.seconds());
        String r = String.valueOf(settings.rate());
        Path peers = settings.peers();
        List<Tool> tools = new ArrayList<>();
        tools.add(new Tool("salerush", c + " users looping",
                "open model, " + r + " users/s x 1 request, shared connections", "1 ms",
                fixedRate -> gatling(settings, url, work, true, fixedRate)));
        tools.add(new Tool("Gatling", c + " users looping",
                "open model, " + r + " users/s x 1 request, shared connections", "1 ms",
                fixedRate -> gatling(settings, url, work, false, fixedRate)));
        tools.add(new Tool(WRK, c + " connections, 2 threads",
                "closed loop: " + c + " connections, each waiting " + delayMillis(settings)
                        + " ms (Lua delay) before every request", "1 us",
                fixedRate -> external(fixedRate ? Map.of("WRK_DELAY_MS", String.valueOf(delayMillis(settings))) : Map.of(),
                        List.of(WRK, "-t2", "-c" + c, "-d" + s + "s", "-s", peers.resolve("wrk-report.lua").toString(),
                                url + "/fixed"), settings)));
        tools.add(new Tool("autocannon", c + " connections",
                "fixed rate (--overallRate " + r + ") over " + c + " connections", "sub-us",
                fixedRate -> {
                    List<String> command = new ArrayList<>(List.of("node", peers.resolve("autocannon-run.js").toString(),
                            url + "/fixed", c, s));
                    if (fixedRate) {
                        command.add(r);
                    }
                    return external(Map.of(), command, settings);
                }));
        if (onPath("locust")) {
            tools.add(new Tool("Locust", c + " users (FastHttpUser, 1 process)",
                    "closed loop: " + c + " users paced by constant_throughput(" + r + "/" + c + ")",
                    "1 ms", // Locust 2.12's FastHttpUser truncates response times to whole ms
                    fixedRate -> external(Map.of("PEER_USERS", c, "PEER_RATE", fixedRate ? r : "0"),
                            List.of("locust", "-f", peers.resolve("locustfile.py").toString(), "--headless",
                                    "--only-summary", "--loglevel", "WARNING", "-u", c, "-r", c, "-t", s + "s",
                                    "--host", url), settings)));
        } else {
            System.out.println("Locust: skipped, not installed (apt-get install python3-locust)");
        }
        return tools;
    }

    /** wrk's per-connection delay that makes {@code connections} connections send about {@code rate} requests/s. */
    private static long delayMillis(Settings settings) {
        return Math.round(settings.connections() * 1000.0 / settings.rate());
    }

    private static final Pattern GATLING_COUNT = Pattern.compile("> request count\\s*\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d,-]+)\\s*\\|\\s*([\\d,-]+)");

    /**
     * One Gatling run of {@link InjectorCeilingSimulation}: requests as Gatling counted them (its console's global
     * request count); percentiles from the suite's exact recording (summary.json) or, without it, Gatling's own.
     */
    private static Figures gatling(Settings settings, String url, Path work, boolean recording, boolean fixedRate)
            throws Exception {
        Map<String, String> bench = new LinkedHashMap<>(Map.of("bench.users", String.valueOf(settings.connections()),
                "bench.seconds", String.valueOf(settings.seconds())));
        if (fixedRate) {
            bench.put("bench.rate", String.valueOf(settings.rate()));
        }
        InjectorCeilingRun.Outcome outcome = InjectorCeilingRun.run(work, url, recording, bench);
        String output = outcome.result().output();
        Matcher count = GATLING_COUNT.matcher(output);
        if (!count.find()) {
            throw new IllegalStateException("no request count in Gatling's output:\n" + output);
        }
        long requests = number(count.group(1));
        long errors = number(count.group(3));
        double seconds = settings.seconds();
        if (!fixedRate) {
            return new Figures(requests, seconds, errors, 0, 0, 0);
        }
        if (recording) {
            JsonNode global = TestServer.onlySummary(outcome.resultsDir()).path("global");
            return new Figures(requests, seconds, errors, 1000 * global.path("p50Ms").asDouble(),
                    1000 * global.path("p95Ms").asDouble(), 1000 * global.path("p99Ms").asDouble());
        }
        return new Figures(requests, seconds, errors, 1000 * gatlingPercentile(output, 50),
                1000 * gatlingPercentile(output, 95), 1000 * gatlingPercentile(output, 99));
    }

    private static double gatlingPercentile(String output, int percentile) {
        Matcher matcher = Pattern.compile("> response time " + percentile + "th percentile \\(ms\\)\\s*\\|\\s*([\\d,]+)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + percentile + "th percentile in Gatling's output:\n" + output);
        }
        return number(matcher.group(1));
    }

    private static long number(String text) {
        return text.equals("-") ? 0 : Long.parseLong(text.replace(",", ""));
    }

    /** Runs a peer tool to its end and reads the PEER_RESULT line its script prints. */
    private static Figures external(Map<String, String> env, List<String> command, Settings settings) throws Exception {
        Path log = Files.createTempFile("peer", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(settings.seconds() + 120L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not end:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            int at = output.indexOf("PEER_RESULT ");
            if (at < 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue()
                        + " without a result:\n" + output);
            }
            JsonNode result = JSON.readTree(output.substring(at + "PEER_RESULT ".length()).lines().findFirst().orElseThrow());
            return new Figures(result.path("requests").asLong(), result.path("seconds").asDouble(),
                    result.path("errors").asLong(), result.path("p50Us").asDouble(), result.path("p95Us").asDouble(),
                    result.path("p99Us").asDouble());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String raw(int round, boolean fixedRate, String tool, Figures f) {
        String head = String.format(Locale.ROOT, "round %d %-5s %-10s %,9.0f rps (%,d requests in %.2f s, %d errors)",
                round, fixedRate ? "(b)" : "(a)", tool, f.rps(), f.requests(), f.seconds(), f.errors());
        return fixedRate ? head + String.format(Locale.ROOT, "  p50 %.3f  p95 %.3f  p99 %.3f ms", f.p50Us() / 1000,
                f.p95Us() / 1000, f.p99Us() / 1000) : head;
    }

    private static double median(List<Figures> runs, java.util.function.ToDoubleFunction<Figures> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String ratio(double value, double reference) {
        return value == 0 || reference == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / reference);
    }

    /** The one table: best-of-rounds max rate, median of rounds at the fixed rate, each as a ratio to wrk's. */
    static String table(List<Tool> tools, Map<String, List<Figures>> max, Map<String, List<Figures>> fixed,
            Settings settings) {
        StringBuilder out = new StringBuilder();
        double wrkMax = max.get(WRK).stream().mapToDouble(Figures::rps).max().orElse(0);
        double[] wrkLatency = {median(fixed.get(WRK), Figures::p50Us), median(fixed.get(WRK), Figures::p95Us),
                median(fixed.get(WRK), Figures::p99Us)};
        out.append(String.format(Locale.ROOT, "(a) max rps: best of %d rounds, closed loop, %d connections/users, %d s."
                + " (b) at %d rps: median of %d rounds, ms.%n", settings.rounds(), settings.connections(),
                settings.seconds(), settings.rate(), settings.rounds()));
        out.append("Ratios are to wrk's figure of this run: (a) wrk's max rps; (b) wrk's percentile at ~")
                .append(settings.rate()).append(" rps (closed loop with a per-request delay, see below).\n");
        String format = "%-10s | %9s | %6s | %8s | %8s | %8s | %8s | %6s | %6s | %6s | %s%n";
        out.append(String.format(Locale.ROOT, format, "tool", "(a) rps", "x wrk", "(b) rps", "p50", "p95", "p99",
                "x wrk", "x wrk", "x wrk", "timer"));
        for (Tool tool : tools) {
            List<Figures> f = fixed.get(tool.name());
            double best = max.get(tool.name()).stream().mapToDouble(Figures::rps).max().orElse(0);
            double[] latency = {median(f, Figures::p50Us), median(f, Figures::p95Us), median(f, Figures::p99Us)};
            out.append(String.format(Locale.ROOT, format, tool.name(), String.format(Locale.ROOT, "%,.0f", best),
                    ratio(best, wrkMax), String.format(Locale.ROOT, "%,.0f", median(f, Figures::rps)),
                    String.format(Locale.ROOT, "%.3f", latency[0] / 1000), String.format(Locale.ROOT, "%.3f", latency[1] / 1000),
                    String.format(Locale.ROOT, "%.3f", latency[2] / 1000), ratio(latency[0], wrkLatency[0]),
                    ratio(latency[1], wrkLatency[1]), ratio(latency[2], wrkLatency[2]), tool.timer()));
        }
        out.append("Load models:\n");
        for (Tool tool : tools) {
            out.append(String.format(Locale.ROOT, "  %-10s (a) closed loop, %s; (b) %s%n", tool.name(), tool.closedLoop(),
                    tool.fixedRate()));
        }
        out.append("A ratio of '-' means the tool reported 0 ms: below the resolution of its timer.\n");
        return out.toString();
    }
}
