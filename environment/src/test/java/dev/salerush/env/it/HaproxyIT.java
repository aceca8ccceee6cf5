package dev.salerush.env.it;

import org.junit.jupiter.api.Order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.env.lb.HaproxyProcess;
import dev.salerush.env.lb.HaproxyRuntime;
import dev.salerush.env.lb.HaproxyRuntime.AdminState;
import dev.salerush.env.lb.HaproxyRuntime.ServerStat;
import dev.salerush.env.lb.HaproxyRuntime.Status;
import dev.salerush.env.lb.HaproxySettings;
import dev.salerush.env.lb.HaproxySettings.Server;
import dev.salerush.env.process.ChildClasspath;
import dev.salerush.env.process.Cleanup;
import dev.salerush.env.process.FreePorts;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.ProcessOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HAProxy in front of loopback backends in this JVM: balancing, detection, runtime API, retries, lifecycle. */
@Order(ItLanes.LANE_ONE + 5)
class HaproxyIT {

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private LoopbackBackend backend(String name) throws Exception {
        return cleanup.register(name, LoopbackBackend.start(name));
    }

    private HaproxyProcess haproxy(String log, HaproxySettings settings) {
        return cleanup.register("haproxy", HaproxyProcess.start(settings, options(log)));
    }

    private HaproxyProcess haproxy(String log, LoopbackBackend... backends) {
        List<Server> servers = new ArrayList<>();
        for (LoopbackBackend b : backends) {
            servers.add(new Server(b.name, b.port()));
        }
        return haproxy(log, HaproxySettings.defaults(servers).withSlowStart(Duration.ofSeconds(1)));
    }

    private static ProcessOptions options(String name) {
        return ProcessOptions.of(TestEnv.logDir().resolve(name + ".log")).withStartupTimeout(Duration.ofSeconds(20));
    }

    private static TestEnv.Response get(HaproxyProcess lb, String path) {
        return TestEnv.get(lb.baseUrl(), path);
    }

    @Test
    void roundRobinSpreadsRequestsOverTheBackends() throws Exception {
        LoopbackBackend s1 = backend("s1");
        LoopbackBackend s2 = backend("s2");
        LoopbackBackend s3 = backend("s3");
        HaproxyProcess lb = haproxy("haproxy-it-rr", s1, s2, s3);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestEnv.Response r = get(lb, "/api/x");
            assertThat(r.status()).isEqualTo(200);
            answers.add(r.body());
        }
        assertThat(answers).containsOnly("s1", "s2", "s3");
        assertThat(List.of(s1.gets.get(), s2.gets.get(), s3.gets.get())).allMatch(n -> n == 10);
        assertThat(lb.runtime().servers()).extracting(ServerStat::status).containsOnly(Status.UP);
    }

    @Test
    void aStoppedBackendUnderTrafficIsDownWithinTwoSecondsAndRequestsKeepSucceeding() throws Exception {
        LoopbackBackend s1 = backend("s1");
        LoopbackBackend s2 = backend("s2");
        HaproxyProcess lb = haproxy("haproxy-it-down", s1, s2);
        HaproxyRuntime runtime = lb.runtime();
        runtime.awaitStatus("s2", Status.UP, Duration.ofSeconds(2));
        // A server HAProxy has just started with is down after one failed check; after a few passed checks it
        // takes `fall` (2) failures, which is what a drill measures.
        Thread.sleep(1_500);

        // Traffic in the background while the status is polled: count, failures, slowest request.
        AtomicBoolean traffic = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        AtomicLong slowestNanos = new AtomicLong();
        List<String> failures = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (traffic.get()) {
                long t = System.nanoTime();
                try {
                    TestEnv.Response r = get(lb, "/api/x");
                    if (r.status() != 200) {
                        failures.add(r.status() + " " + r.body());
                    }
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
                slowestNanos.accumulateAndGet(System.nanoTime() - t, Math::max);
                requests.incrementAndGet();
            }
        });
        Thread.sleep(100);
        long stopping = System.nanoTime();
        s2.close(); // HttpServer.stop can block for a while; it refuses connections once it returns
        long t0 = System.nanoTime();
        ServerStat down = runtime.awaitStatus("s2", Status.DOWN, Duration.ofSeconds(2));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(300);
        traffic.set(false);
        load.get(10, TimeUnit.SECONDS);
        System.out.println("HaproxyIT: stopped backend (stop took " + (t0 - stopping) / 1_000_000
                + " ms) reported DOWN after " + ms + " ms (" + down.checkStatus() + "); " + requests.get()
                + " requests around it, failures " + failures + ", slowest " + slowestNanos.get() / 1_000_000 + " ms");
        assertThat(failures).isEmpty();
        // The request that trips `observe` may wait the turn-around timer, min(timeout connect, 1 s), before its
        // retry: HAProxy 2.6 waits when one active server is left.
        assertThat(slowestNanos.get()).isLessThan(1_500_000_000L);
        for (int i = 0; i < 10; i++) {
            assertThat(get(lb, "/api/x")).extracting(TestEnv.Response::status, TestEnv.Response::body).containsExactly(200, "s1");
        }
        assertThat(runtime.server("s2").orElseThrow().checkStatus()).isIn("L4CON", "SOCKERR", "HANA");
    }

    @Test
    void anIdleStoppedBackendIsDownByItsHealthChecksWithinTwoSeconds() throws Exception {
        LoopbackBackend s1 = backend("s1");
        LoopbackBackend s2 = backend("s2");
        HaproxyProcess lb = haproxy("haproxy-it-down-idle", s1, s2);
        Thread.sleep(1_500); // full health: `fall` (2) failed checks needed
        s2.close();
        long t0 = System.nanoTime();
        ServerStat down = lb.runtime().awaitStatus("s2", Status.DOWN, Duration.ofSeconds(2));
        System.out.println("HaproxyIT: idle stopped backend reported DOWN by checks after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms (" + down.checkStatus() + ")");
        assertThat(down.checkStatus()).isIn("L4CON", "SOCKERR");
        assertThat(get(lb, "/api/x")).extracting(TestEnv.Response::status, TestEnv.Response::body).containsExactly(200, "s1");
    }

    @Test
    void liveServerErrorsMarkABackendDownWhileItsHealthIsGreen() throws Exception {
        LoopbackBackend s1 = backend("s1");
        LoopbackBackend s2 = backend("s2");
        HaproxyProcess lb = haproxy("haproxy-it-observe", s1, s2);
        s2.apiStatus = 503;
        long t0 = System.nanoTime();
        int failures = 0;
        for (int i = 0; i < 20 && lb.runtime().server("s2").orElseThrow().downs() == 0; i++) {
            if (get(lb, "/api/x").status() != 200) {
                failures++;
            }
        }
        ServerStat s2stat = lb.runtime().awaitServer("s2", s -> s.downs() >= 1, Duration.ofSeconds(2));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("HaproxyIT: 5xx on live traffic marked s2 down after " + failures + " failed requests, "
                + ms + " ms; stat " + s2stat);
        // error-limit 5 counts consecutive errors: on a quick loop exactly 5 requests fail; on a busy machine a few
        // more can (8 seen once in CI), most likely because a passing check of the still-green /health in between
        // restarted the count. Either way the live errors alone took s2 out well before 20 requests.
        assertThat(failures).isBetween(5, 19);
        assertThat(s2stat.http5xx()).isEqualTo(failures);
        // Its /health is still 200: the active checks bring it back up.
        lb.runtime().awaitStatus("s2", Status.UP, Duration.ofSeconds(3));
    }

    @Test
    void drainTakesNoNewRequestsAndItsSessionsEndMaintAndReady() throws Exception {
        LoopbackBackend s1 = backend("s1");
        LoopbackBackend s2 = backend("s2");
        HaproxyProcess lb = haproxy("haproxy-it-drain", s1, s2);
        HaproxyRuntime runtime = lb.runtime();
        List<CompletableFuture<TestEnv.Response>> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slow.add(CompletableFuture.supplyAsync(() -> get(lb, "/api/slow")));
        }
        runtime.awaitServer("s1", s -> s.sessions() == 2, Duration.ofSeconds(2));

        runtime.setState("s1", AdminState.DRAIN);
        assertThat(runtime.server("s1").orElseThrow().status()).isEqualTo(Status.DRAIN);
        assertThat(runtime.sessions("s1")).isEqualTo(2);
        int before = s1.gets.get();
        for (int i = 0; i < 10; i++) {
            assertThat(get(lb, "/api/x").body()).isEqualTo("s2");
        }
        assertThat(s1.gets.get()).isEqualTo(before);
        long t0 = System.nanoTime();
        runtime.awaitServer("s1", s -> s.sessions() == 0, Duration.ofSeconds(3));
        System.out.println("HaproxyIT: drained s1 had 0 sessions after " + (System.nanoTime() - t0) / 1_000_000
                + " ms");
        for (CompletableFuture<TestEnv.Response> f : slow) {
            assertThat(f.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        runtime.setState("s1", AdminState.READY);
        runtime.setState("s2", AdminState.MAINT);
        assertThat(runtime.server("s2").orElseThrow().status()).isEqualTo(Status.MAINT);
        for (int i = 0; i < 4; i++) {
            assertThat(get(lb, "/api/x").body()).isEqualTo("s1");
        }
        runtime.setState("s2", AdminState.READY);
        runtime.awaitStatus("s2", Status.UP, Duration.ofSeconds(2));
        int s2Before = s2.gets.get();
        long t1 = System.nanoTime();
        while (s2.gets.get() == s2Before) { // back from maintenance, it ramps up over the 1 s slow start
            assertThat(get(lb, "/api/x").status()).isEqualTo(200);
            assertThat(System.nanoTime() - t1).as("s2 back in rotation").isLessThan(3_000_000_000L);
        }
    }

    @Test
    void anAddedServerTakesTrafficAndCanBeDeleted() throws Exception {
        LoopbackBackend s1 = backend("s1");
        HaproxyProcess lb = haproxy("haproxy-it-add", s1);
        LoopbackBackend s2 = backend("s2");
        HaproxyRuntime runtime = lb.runtime();

        long t0 = System.nanoTime();
        runtime.addServer("s2", s2.port());
        runtime.awaitStatus("s2", Status.UP, Duration.ofSeconds(2));
        while (s2.gets.get() == 0) {
            assertThat(get(lb, "/api/x").status()).isEqualTo(200);
            assertThat(System.nanoTime() - t0).as("added server got a request").isLessThan(5_000_000_000L);
        }
        System.out.println("HaproxyIT: added server got its first request after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");

        runtime.delServer("s2", Duration.ofSeconds(3));
        assertThat(runtime.servers()).extracting(ServerStat::name).containsExactly("s1");
        int after = s2.gets.get();
        for (int i = 0; i < 4; i++) {
            assertThat(get(lb, "/api/x").body()).isEqualTo("s1");
        }
        assertThat(s2.gets.get()).isEqualTo(after);
        assertThatThrownBy(() -> runtime.setState("nope", AdminState.DRAIN))
                .isInstanceOf(HaproxyRuntime.RuntimeApiException.class).hasMessageContaining("shop/nope");
    }

    @Test
    void setAddressMovesAServerSlotToAnotherProcess() throws Exception {
        LoopbackBackend s1 = backend("s1");
        LoopbackBackend other = backend("other");
        HaproxyProcess lb = haproxy("haproxy-it-addr", s1);
        lb.runtime().setAddress("s1", other.port());
        assertThat(get(lb, "/api/x").body()).isEqualTo("other");
    }

    @Test
    void aPostToAResettingBackendIsNotRetriedAGetIs() throws Exception {
        LoopbackBackend good = backend("good");
        LoopbackBackend reset = cleanup.register("reset", LoopbackBackend.resetting("reset"));
        HaproxyProcess lb = haproxy("haproxy-it-retry", HaproxySettings.defaults(List.of(
                        new Server("good", good.port()), new Server("reset", reset.port())))
                .withChecks(HaproxySettings.HealthChecks.drillSpeed().withErrorLimit(100)));

        for (int i = 0; i < 4; i++) {
            assertThat(get(lb, "/api/x")).extracting(TestEnv.Response::status, TestEnv.Response::body).containsExactly(200, "good");
        }
        System.out.println("HaproxyIT: 4 GETs arrived " + good.gets.get() + "x at good, " + reset.gets.get()
                + "x at reset");
        assertThat(reset.gets.get()).as("GETs that hit the resetting backend").isPositive();
        assertThat(good.gets.get()).isEqualTo(4);

        // A failed POST is a 502, or - on a kept-alive client connection that already carried a request - a close
        // without any answer (HAProxy leaves the retry to the client; the JDK client does not retry a POST).
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try {
                HttpResponse<String> r = TestEnv.HTTP.send(HttpRequest.newBuilder(URI.create(lb.baseUrl()
                                + "/api/orders")).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    assertThat(r.statusCode()).isEqualTo(502);
                    failures.add("502");
                }
            } catch (IOException e) {
                failures.add("closed without an answer");
            }
        }
        System.out.println("HaproxyIT: 4 POSTs arrived " + good.posts.get() + "x at good, " + reset.posts.get()
                + "x at reset; failures: " + failures);
        int failed = failures.size();
        assertThat(good.posts.get() + reset.posts.get()).as("every POST arrived exactly once").isEqualTo(4);
        assertThat(reset.posts.get()).isPositive().isEqualTo(failed);
    }

    @Test
    void metricsPageHasTheServerStatus() throws Exception {
        LoopbackBackend s1 = backend("s1");
        HaproxyProcess lb = haproxy("haproxy-it-metrics", s1);
        TestEnv.Response metrics = TestEnv.get(lb.metricsUrl(), "");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("haproxy_server_status{proxy=\"shop\",server=\"s1\"");
        assertThat(TestEnv.metric(metrics.body(), "haproxy_server_status", "server=\"s1\"", "state=\"UP\""))
                .isEqualTo(1.0);
    }

    @Test
    void aRejectedConfigurationIsOneClearLine() {
        HaproxySettings bad = HaproxySettings.defaults(List.of(new Server("s1", FreePorts.pick())))
                .withExtraBackendLines(List.of("bogus-keyword 1"));
        assertThatThrownBy(() -> HaproxyProcess.start(bad, options("haproxy-it-rejected")))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("load balancer (HAProxy) rejected its configuration ")
                .hasMessageContaining("haproxy-it-rejected.cfg")
                .hasMessageContaining("unknown keyword 'bogus-keyword' in 'backend' section")
                .hasMessageNotContaining("\n");
        assertThat(haproxyProcessesWith("haproxy-it-rejected.cfg")).isEmpty();
    }

    @Test
    void aTakenPortIsAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            HaproxySettings settings = HaproxySettings.defaults(List.of(new Server("s1", FreePorts.pick())))
                    .withPorts(0, 0, taken.getLocalPort());
            assertThatThrownBy(() -> HaproxyProcess.start(settings, options("haproxy-it-taken")))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("load balancer (HAProxy): port " + taken.getLocalPort()
                            + " (metrics) on 127.0.0.1 is already taken (in use by another process)");
        }
    }

    @Test
    void closeLeavesNoHaproxyAndFreesThePorts() throws Exception {
        LoopbackBackend s1 = backend("s1");
        HaproxyProcess lb = HaproxyProcess.start(HaproxySettings.defaults(List.of(new Server("s1", s1.port()))),
                options("haproxy-it-close"));
        List<ProcessHandle> tree = lb.processTree();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // master + worker (+ the guard's watcher)
        assertThat(tree.get(0).info().command().orElse("")).endsWith("haproxy");
        HaproxySettings s = lb.settings();
        assertThat(haproxyProcessesWith(lb.configFile().toString())).hasSizeGreaterThanOrEqualTo(2);

        lb.close();
        lb.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(haproxyProcessesWith(lb.configFile().toString())).isEmpty();
        assertThat(List.of(s.frontendPort(), s.runtimePort(), s.metricsPort())).allMatch(FreePorts::isFree);
    }

    @Test
    void killIsACrashAndCloseStillCleansUp() throws Exception {
        LoopbackBackend s1 = backend("s1");
        HaproxyProcess lb = HaproxyProcess.start(HaproxySettings.defaults(List.of(new Server("s1", s1.port()))),
                options("haproxy-it-kill"));
        List<ProcessHandle> tree = lb.processTree();
        lb.kill();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(lb.isAlive()).isFalse();
        lb.close();
        HaproxySettings s = lb.settings();
        assertThat(List.of(s.frontendPort(), s.runtimePort(), s.metricsPort())).allMatch(FreePorts::isFree);
    }

    @Test
    void killingTheParentJvmLeavesNoHaproxy() throws Exception {
        Path log = TestEnv.logDir().resolve("haproxy-it-orphan.log");
        Files.createDirectories(log.getParent());
        String cp = ChildClasspath.join(ChildClasspath.forClasses(HaproxyOrphanParentMain.class,
                HaproxyProcess.class, org.slf4j.LoggerFactory.class));
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", cp, HaproxyOrphanParentMain.class.getName(), log.toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> tree = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            long pid = -1;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("HAPROXY_PID=")) {
                    pid = Long.parseLong(line.substring("HAPROXY_PID=".length()).trim());
                    break;
                }
            }
            assertThat(pid).as("the parent JVM started HAProxy").isPositive();
            ProcessHandle master = ProcessHandle.of(pid).orElseThrow();
            tree.add(master);
            master.descendants().forEach(tree::add);
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);

            long t0 = System.nanoTime();
            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
            parent.waitFor(10, TimeUnit.SECONDS);
            // Polled: ProcessHandle.onExit of a process that is not our child polls with a growing back-off.
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<String> exitMillis = new ArrayList<>();
            List<ProcessHandle> alive = new ArrayList<>(tree);
            while (!alive.isEmpty() && System.nanoTime() < deadline) {
                for (ProcessHandle h : List.copyOf(alive)) {
                    if (!h.isAlive()) {
                        alive.remove(h);
                        exitMillis.add((h.pid() == pid ? "master " : "") + (System.nanoTime() - t0) / 1_000_000);
                    }
                }
                Thread.sleep(5);
            }
            // A process counts as alive until it is reaped: an orphaned master is reaped by the machine's init.
            System.out.println("HaproxyIT: HAProxy's " + tree.size() + " processes (master, worker, guard) gone "
                    + exitMillis + " ms after its parent JVM was SIGKILLed");
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        } finally {
            parent.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Live processes whose command line mentions {@code configFile}: HAProxy's master and worker. */
    private static List<ProcessHandle> haproxyProcessesWith(String configFile) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("haproxy")).orElse(false))
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains(configFile)).orElse(false))
                .toList();
    }

}
