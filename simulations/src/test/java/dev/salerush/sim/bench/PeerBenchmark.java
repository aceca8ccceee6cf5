package dev.salerush.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.InjectionStep;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.it.GatlingProcess;
import dev.salerush.sim.it.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark (prints figures, asserts nothing, outside CI): salerush (Gatling with the suite's exact recording),
 * Gatling alone, wrk, autocannon and Locust (where installed) against the same loopback endpoint, in one run, tools
 * alternating round by round: (a) the highest request rate each reaches, closed loop, same connections/users;
 * (b) p50/p95/p99/max at each fixed rate, cold (the tool started and measured at once) and warm (after the suite's
 * default warm-up, the {@code warmup} section of the configuration, discarded). Every figure is also given as a ratio
 * to wrk's from the same run. Normally started by {@code bench/peers.sh}, which builds, starts nginx and passes its
 * URL; without {@code --url} it starts the instant {@link TestServer} itself.
 * <p>
 * Arguments ({@code --name=value}): {@code url}, {@code rounds} (3), {@code seconds} (15, each fixed-rate
 * measurement), {@code ceiling-seconds} (15, each closed-loop run; 0 skips (a)), {@code connections} (64),
 * {@code rate} (1000; several as 1000,3000), {@code tools} (all; a subset as salerush,Gatling,wrk), {@code peers}
 * (folder with the peers' scripts and node_modules, default bench/peers).
 */
public final class PeerBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRK = "wrk";
    /** Seconds of the per-second listing: a response at least this slow marks its second. */
    private static final long TAIL_MS = 20;

    private PeerBenchmark() {
    }

    /** What one tool counted in one run: requests, over how long, errors, and (fixed rate only) latency in µs. */
    record Figures(long requests, double seconds, long errors, double p50Us, double p95Us, double p99Us, double maxUs) {
        double rps() {
            return requests / seconds;
        }

        static Figures ofMillis(long requests, double seconds, long errors, double p50, double p95, double p99, double max) {
            return new Figures(requests, seconds, errors, 1000 * p50, 1000 * p95, 1000 * p99, 1000 * max);
        }
    }

    /** The suite's default warm-up: {@code usersPerSec} for {@code seconds}, read from the configuration. */
    record Warmup(int seconds, double usersPerSec) {
        static Warmup suiteDefault(Path benchConf) {
            Properties properties = new Properties();
            properties.setProperty(ConfigLoader.OVERRIDES_PROPERTY, benchConf.toString());
            properties.setProperty("profile", "bench");
            SuiteConfig config = ConfigLoader.load(GatlingProcess.PROJECT_ROOT, properties);
            InjectionStep step = config.profile().injection().get(0);
            if (step.measured()) {
                throw new IllegalStateException("the configuration has no warm-up (warmup.during = 0s)");
            }
            return new Warmup((int) step.during().toSeconds(), step.from().usersPerSec(config.plan().peakRps(), 1));
        }
    }

    /** One measurement: closed loop (rate 0) or a fixed rate, for {@code seconds}, after {@code warmup} or cold (null). */
    record Load(int rate, int seconds, Warmup warmup) {
        boolean fixedRate() {
            return rate > 0;
        }

        String label() {
            return !fixedRate() ? "max" : rate + "/s " + (warmup == null ? "cold" : "warm");
        }
    }

    private interface Run {
        Figures run(Load load) throws Exception;
    }

    /** A load generator, how it loads in each part, and the resolution of the times it reports. */
    private record Tool(String name, String closedLoop, String fixedRate, String warmup, String timer, Run run) {
    }

    private record Settings(String url, int rounds, int seconds, int ceilingSeconds, int connections, List<Integer> rates,
                            Set<String> tools, Path peers) {
        static Settings parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                given.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            return new Settings(given.get("url"), Integer.parseInt(given.getOrDefault("rounds", "3")),
                    Integer.parseInt(given.getOrDefault("seconds", "15")),
                    Integer.parseInt(given.getOrDefault("ceiling-seconds", "15")),
                    Integer.parseInt(given.getOrDefault("connections", "64")),
                    Arrays.stream(given.getOrDefault("rate", "1000").split(",")).map(Integer::valueOf).toList(),
                    given.containsKey("tools") ? new LinkedHashSet<>(List.of(given.get("tools").split(","))) : null,
                    GatlingProcess.PROJECT_ROOT.resolve(given.getOrDefault("peers", "bench/peers")));
        }

        /** The measurements of one round, in order: the closed loop, then each rate cold and warm. */
        List<Load> loads(Warmup warmup) {
            List<Load> loads = new ArrayList<>();
            if (ceilingSeconds > 0) {
                loads.add(new Load(0, ceilingSeconds, null));
            }
            for (int rate : rates) {
                loads.add(new Load(rate, seconds, null));
                loads.add(new Load(rate, seconds, warmup));
            }
            return loads;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        // a Ctrl-C or kill of this JVM ends whatever tool or server it started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        Path work = Files.createTempDirectory("salerush-peers");
        Warmup warmup = Warmup.suiteDefault(InjectorCeilingRun.benchConf(work, "1", "1"));
        TestServer server = settings.url() == null ? TestServer.start(0, null) : null;
        try {
            String url = server != null ? server.baseUrl() : settings.url();
            System.out.printf(Locale.ROOT, "endpoint %s/fixed; %d rounds; (a) %d connections/users, %d s closed loop;"
                    + " (b) %s users/s for %d s each, cold and after a warm-up of %d s at %.1f users/s; salerush's"
                    + " run folders in %s%n", url, settings.rounds(), settings.connections(), settings.ceilingSeconds(),
                    settings.rates(), settings.seconds(), warmup.seconds(), warmup.usersPerSec(), work);
            List<Tool> tools = tools(settings, url, work);
            List<Load> loads = settings.loads(warmup);
            Map<String, Map<String, List<Figures>>> figures = new LinkedHashMap<>(); // load label -> tool -> rounds
            for (int round = 0; round < settings.rounds(); round++) {
                for (Load load : loads) {
                    for (int i = 0; i < tools.size(); i++) {
                        // each round starts with another tool, so no tool always runs first or right after Gatling
                        Tool tool = tools.get((i + round) % tools.size());
                        Figures f = tool.run().run(load);
                        figures.computeIfAbsent(load.label(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(tool.name(), k -> new ArrayList<>()).add(f);
                        System.out.println(raw(round + 1, load, tool.name(), f));
                    }
                }
            }
            System.out.println();
            System.out.print(tables(tools, loads, figures, settings, warmup));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static List<Tool> tools(Settings settings, String url, Path work) {
        String c = String.valueOf(settings.connections());
        Path peers = settings.peers();
        String separateWarmup = "the same tool at the warm-up rate for the warm-up's seconds, then a new process";
        List<Tool> tools = new ArrayList<>();
        tools.add(new Tool("salerush", c + " users looping", "open model, users/s x 1 request, shared connections",
                "the suite's own warm-up scenario in the same JVM (warmup section)", "1 ms",
                load -> gatling(url, work, true, settings.connections(), load)));
        tools.add(new Tool("Gatling", c + " users looping", "open model, users/s x 1 request, shared connections",
                "the same warm-up scenario in the same JVM", "1 ms",
                load -> gatling(url, work, false, settings.connections(), load)));
        tools.add(new Tool(WRK, c + " connections, 2 threads",
                "closed loop: " + c + " connections, each waiting connections x 1000 / rate ms (Lua delay) before every"
                        + " request", separateWarmup, "1 us",
                load -> withSeparateWarmup(load, l -> external(
                        l.fixedRate() ? Map.of("WRK_DELAY_MS", String.valueOf(Math.round(settings.connections() * 1000.0
                                / l.rate()))) : Map.of(),
                        List.of(WRK, "-t2", "-c" + c, "-d" + l.seconds() + "s", "-s",
                                peers.resolve("wrk-report.lua").toString(), url + "/fixed"), l.seconds()))));
        tools.add(new Tool("autocannon", c + " connections", "fixed rate (--overallRate) over " + c + " connections",
                "autocannon at the warm-up rate in the same node process", "sub-us",
                load -> {
                    List<String> command = new ArrayList<>(List.of("node", peers.resolve("autocannon-run.js").toString(),
                            url + "/fixed", c, String.valueOf(load.seconds()), String.valueOf(load.rate())));
                    if (load.warmup() != null) {
                        command.addAll(List.of(String.valueOf(load.warmup().seconds()),
                                String.valueOf(Math.round(load.warmup().usersPerSec()))));
                    }
                    return external(Map.of(), command, load.seconds() + (load.warmup() == null ? 0 : load.warmup().seconds()));
                }));
        if (onPath("locust")) {
            tools.add(new Tool("Locust", c + " users (FastHttpUser, 1 process)",
                    "closed loop: " + c + " users paced by constant_throughput(rate/" + c + ")", separateWarmup,
                    "1 ms", // Locust 2.12's FastHttpUser truncates response times to whole ms
                    load -> withSeparateWarmup(load, l -> external(Map.of("PEER_USERS", c, "PEER_RATE",
                            String.valueOf(l.rate())), List.of("locust", "-f", peers.resolve("locustfile.py").toString(),
                            "--headless", "--only-summary", "--loglevel", "WARNING", "-u", c, "-r", c, "-t",
                            l.seconds() + "s", "--host", url), l.seconds()))));
        } else {
            System.out.println("Locust: skipped, not installed (apt-get install python3-locust)");
        }
        if (settings.tools() == null) {
            return tools;
        }
        List<Tool> chosen = tools.stream().filter(tool -> settings.tools().contains(tool.name())).toList();
        if (chosen.stream().noneMatch(tool -> tool.name().equals(WRK))) {
            throw new IllegalArgumentException("--tools must include wrk: every figure is also a ratio to wrk's");
        }
        return chosen;
    }

    /**
     * A tool without a warm-up of its own (native wrk, CPython Locust: no JIT to warm): a warm load first runs it at
     * the warm-up's rate for the warm-up's seconds, discarded (the endpoint and the machine warm), then measures.
     */
    private static Figures withSeparateWarmup(Load load, Run measure) throws Exception {
        if (load.warmup() != null) {
            measure.run(new Load((int) Math.round(load.warmup().usersPerSec()), load.warmup().seconds(), null));
        }
        return measure.run(load);
    }

    /**
     * One Gatling run of {@link InjectorCeilingSimulation}; every figure from the run folder: counts from Gatling's
     * report (the measured request only, not the warm-up's), percentiles and max from the suite's exact recording
     * (summary.json) or, without it, from Gatling's report.
     */
    private static Figures gatling(String url, Path work, boolean recording, int connections, Load load) throws Exception {
        Map<String, String> bench = new LinkedHashMap<>(Map.of("bench.users", String.valueOf(connections),
                "bench.seconds", String.valueOf(load.seconds())));
        if (load.fixedRate()) {
            bench.put("bench.rate", String.valueOf(load.rate()));
            if (load.warmup() == null) {
                bench.put("warmup.during", "0s");
            }
        }
        InjectorCeilingRun.Outcome outcome = InjectorCeilingRun.run(work, url, recording, bench);
        Path folder = TestServer.onlyRunFolder(outcome.resultsDir());
        GatlingReportRow row = GatlingReportRow.read(folder.resolve("index.html"), InjectorCeilingSimulation.REQUEST);
        if (!load.fixedRate()) {
            return Figures.ofMillis(row.total(), load.seconds(), row.ko(), 0, 0, 0, 0);
        }
        if (!recording) {
            return Figures.ofMillis(row.total(), load.seconds(), row.ko(), row.p50Ms(), row.p95Ms(), row.p99Ms(),
                    row.maxMs());
        }
        System.out.println("  salerush " + load.label() + ", per second: " + TailSeconds.describe(folder, TAIL_MS));
        JsonNode global = JSON.readTree(folder.resolve("summary.json").toFile()).path("global");
        return Figures.ofMillis(row.total(), load.seconds(), row.ko(), global.path("p50Ms").asDouble(),
                global.path("p95Ms").asDouble(), global.path("p99Ms").asDouble(), global.path("maxMs").asDouble());
    }

    /** Runs a peer tool to its end and reads the PEER_RESULT line its script prints. */
    private static Figures external(Map<String, String> env, List<String> command, int seconds) throws Exception {
        Path log = Files.createTempFile("peer", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
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
                    result.path("p99Us").asDouble(), result.path("maxUs").asDouble());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String raw(int round, Load load, String tool, Figures f) {
        String head = String.format(Locale.ROOT, "round %d %-13s %-10s %,9.0f rps (%,d requests in %.2f s, %d errors)",
                round, load.label(), tool, f.rps(), f.requests(), f.seconds(), f.errors());
        return load.fixedRate() ? head + String.format(Locale.ROOT, "  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f ms",
                f.p50Us() / 1000, f.p95Us() / 1000, f.p99Us() / 1000, f.maxUs() / 1000) : head;
    }

    private static double median(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String ratio(double value, double reference) {
        return value == 0 || reference == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / reference);
    }

    private static final List<ToDoubleFunction<Figures>> LATENCIES = List.of(Figures::p50Us, Figures::p95Us,
            Figures::p99Us, Figures::maxUs);

    /** One table per load: (a) best of the rounds; each fixed rate cold and warm, median of the rounds; x wrk's. */
    static String tables(List<Tool> tools, List<Load> loads, Map<String, Map<String, List<Figures>>> figures,
            Settings settings, Warmup warmup) {
        StringBuilder out = new StringBuilder();
        for (Load load : loads) {
            Map<String, List<Figures>> byTool = figures.get(load.label());
            if (!load.fixedRate()) {
                out.append(String.format(Locale.ROOT, "(a) max rps: best of %d rounds, closed loop, %d connections/users,"
                        + " %d s; x wrk = ratio to wrk's best%n", settings.rounds(), settings.connections(), load.seconds()));
                double wrkBest = byTool.get(WRK).stream().mapToDouble(Figures::rps).max().orElse(0);
                for (Tool tool : tools) {
                    double best = byTool.get(tool.name()).stream().mapToDouble(Figures::rps).max().orElse(0);
                    out.append(String.format(Locale.ROOT, "%-10s | %,9.0f rps | x wrk %s%n", tool.name(), best,
                            ratio(best, wrkBest)));
                }
                out.append('\n');
                continue;
            }
            out.append(String.format(Locale.ROOT, "(b) %s: %d users/s for %d s, %s; median of %d rounds, ms;"
                    + " x wrk = ratio to wrk's figure at the same load%n", load.label(), load.rate(), load.seconds(),
                    load.warmup() == null ? "cold (measured from the tool's start)" : String.format(Locale.ROOT,
                            "after a warm-up of %d s at %.1f users/s (discarded)", warmup.seconds(), warmup.usersPerSec()),
                    settings.rounds()));
            String format = "%-10s | %7s | %8s | %8s | %8s | %8s | %6s | %6s | %6s | %6s | %s%n";
            out.append(String.format(Locale.ROOT, format, "tool", "rps", "p50", "p95", "p99", "max", "x wrk", "x wrk",
                    "x wrk", "x wrk", "timer"));
            List<Figures> wrk = byTool.get(WRK);
            for (Tool tool : tools) {
                List<Figures> f = byTool.get(tool.name());
                List<String> cells = new ArrayList<>(List.of(tool.name(), String.format(Locale.ROOT, "%,.0f",
                        median(f, Figures::rps))));
                LATENCIES.forEach(l -> cells.add(String.format(Locale.ROOT, "%.3f", median(f, l) / 1000)));
                LATENCIES.forEach(l -> cells.add(ratio(median(f, l), median(wrk, l))));
                cells.add(tool.timer());
                out.append(String.format(Locale.ROOT, format, cells.toArray()));
            }
            out.append('\n');
        }
        out.append("Load models:\n");
        for (Tool tool : tools) {
            out.append(String.format(Locale.ROOT, "  %-10s (a) closed loop, %s; (b) %s; warm-up: %s%n", tool.name(),
                    tool.closedLoop(), tool.fixedRate(), tool.warmup()));
        }
        out.append("A ratio of '-' means the tool reported 0 ms: below the resolution of its timer.\n");
        return out.toString();
    }
}
