package dev.salerush.sim.gatling;

import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.TargetSettings;
import dev.salerush.env.Urls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.salerush.sim.journeys.OrderAttemptStep;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.run.RunExit;
import dev.salerush.sim.run.SaleRun;
import dev.salerush.sim.stress.StressPlan;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.shard.ShardSettings;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.DeploymentInfo;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Base of every salerush simulation, the built-in sale's and a team's alike. Its constructor starts the run
 * (configuration, run folder, target), so a subclass only describes the user journey and calls
 * {@link #setUpProfile(String, ChainBuilder)}; it then gets the plan, profiles, warm-up, exact figures, stress
 * analysis, server metrics, regression gate and reports. The contract for a team's simulation (docs/team-simulation.md):
 * <ul>
 *   <li>wrap every request in {@link #timed(String, HttpRequestActionBuilder)}: only those are measured;</li>
 *   <li>say the mean requests one virtual user sends: override {@link #requestsPerUser()} or set
 *       {@code journeys.requestsPerUser} (a run with neither stops with exit status 3 before it starts);</li>
 *   <li>draw its ids from Gatling feeders, e.g. {@link #idsFeeder(String)} over a CSV file named in
 *       {@code ids.feeders}, or {@link #idsQueryFeeder(String)} over rows {@code ids.queries} sampled from its
 *       database;</li>
 *   <li>inject it with {@link #setUpProfile(String, ChainBuilder)}, which applies {@link #protocol} (the target's base
 *       URL, timeouts and connection sharing).</li>
 * </ul>
 */
public abstract class SalerushSimulation extends Simulation {
    protected final SaleRun run = RunExit.startOrExit(getClass().getName(), drivesShopJourneys(),
            config -> {
                SimulationContract.check(getClass(), config.simulation());
                SimulationContract.checkTarget(getClass(), config.target(), drivesShopJourneys());
            }, onGatlingEnterprise());
    protected final TargetSettings target = run.config().target();
    private static final String MEASURED = "salerush.measured";
    /** Warm-up users run in their own scenario, named like the measured one plus this. */
    public static final String WARMUP_SUFFIX = " (warm-up)";
    /** A shard's one user at offset 0 that tells when Gatling's injection clock started; it sends nothing. */
    static final String SHARD_CLOCK_SUFFIX = " (shard clock)";
    /** The second clock user's planned offset (within the plan's leading pause, before any real user). */
    private static final Duration SECOND_CLOCK = Duration.ofMillis(500);
    private final AtomicInteger clockUsers = new AtomicInteger();
    /** Set in before(), when load starts; warm-up users' requests are told apart by their scenario. */
    private volatile ExactRecorder recorder;

    protected final HttpProtocolBuilder protocol = protocol(run.environment().baseUrl().toString(), target);

    private static HttpProtocolBuilder protocol(String baseUrl, TargetSettings target) {
        HttpProtocolBuilder protocol = http
                .baseUrl(Urls.withoutTrailingSlash(baseUrl))
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("salerush")
                .disableWarmUp();
        return target.shareConnections() ? protocol.shareConnections() : protocol;
    }

    /** The configured path of an endpoint (see target.paths), with {id} turned into a Gatling expression. */
    protected String path(String name, String idExpression) {
        return target.path(name).replace("{id}", idExpression);
    }

    protected String path(String name) {
        return target.path(name);
    }

    /**
     * A request whose response time and outcome are recorded exactly. The time is Gatling's own (its start and end
     * timestamps of the response); the outcome is Gatling's verdict after the request's checks. Requests of warm-up
     * users (the profile's unmeasured leading steps) are only counted (summary.json {@code warmup}), not measured.
     */
    protected ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(session -> {
                    boolean measured = !session.scenario().endsWith(WARMUP_SUFFIX);
                    if (measured) {
                        run.shardClock().measuredUserStarted();
                        recorder.recordSent(name);
                    } else {
                        recorder.warmup().sent(name, !session.contains(MEASURED));
                    }
                    return session.markAsSucceeded().set(MEASURED, measured);
                })
                .exec(request.transformResponse((response, session) -> {
                    if (session.getBoolean(MEASURED)) {
                        recorder.recordResponseTime(name, response.endTimestamp() - response.startTimestamp());
                    }
                    return response;
                }))
                .exec(session -> {
                    if (session.getBoolean(MEASURED)) {
                        recorder.recordOutcome(name, !session.isFailed());
                        if (session.isFailed()) {
                            run.failedUser(session.userId());
                        }
                    }
                    return session;
                });
    }

    /**
     * The value of the secret {@code name} from the {@code secrets} section of the configuration, which takes it from
     * an environment variable ({@code accountPassword = ${?SHOP_TEST_PASSWORD}}). Never written to the run folder:
     * keep it out of request names too. A name the configuration does not declare ends the run before any load.
     */
    protected String secret(String name) {
        return RunExit.beforeLoad(run, () -> run.config().secrets().value(name));
    }

    /**
     * Injects the journey as the selected profile says, with the profile's SLOs as Gatling assertions. Rates given
     * relative to the plan's peak become arriving users through the journey's mean requests per user. Warm-up steps
     * run as their own scenario "name (warm-up)", whose requests the suite does not record; the measured scenario
     * starts its first user the moment the warm-up steps end.
     */
    protected void setUpProfile(String scenarioName, ChainBuilder journey) {
        Profile profile = run.profile();
        double requestsPerUser = requestsPerUser();
        double peakRps = run.config().plan().peakRps();
        // no new user starts once the target is down, or a staircase has ended; a staircase's probe admits only some
        journey = exec(stopLoadGeneratorIf(session -> run.stopReason(), session -> run.shouldStop()))
                .doIf(session -> run.admit()).then(journey);
        List<PopulationBuilder> populations = new ArrayList<>();
        if (run.shard().sharded()) {
            // a shard's users count their offsets from the common start, not from Gatling's own start
            journey = exec(pause(session -> run.shardClock().startCorrection())).exec(journey);
            populations.add(shardClock(scenarioName));
        }
        Duration warmup = profile.warmup();
        if (!warmup.isZero()) {
            populations.add(scenario(scenarioName + WARMUP_SUFFIX).exec(journey)
                    .injectOpen(shareOf(ProfileInjection.warmup(profile, peakRps, requestsPerUser))));
        }
        StressPlan staircase = run.stressPlan(requestsPerUser);
        OpenInjectionStep[] measured = staircase == null ? ProfileInjection.measured(profile, peakRps, requestsPerUser)
                : ProfileInjection.staircase(profile, staircase);
        if (run.shard().sharded()) {
            run.shardClock().plannedStagger(ShardedInjection.stagger(measured, run.shard().index()));
        }
        populations.add(scenario(scenarioName).exec(journey).injectOpen(shareOf(measured)));
        setUp(populations).protocols(protocol).assertions(ProfileInjection.assertions(profile));
    }

    /**
     * Tells the run when Gatling's injection clock started, which comes a varying while after before(). Two users:
     * the first warms the code path, the second one's time is exact. They send nothing.
     */
    private PopulationBuilder shardClock(String scenarioName) {
        return scenario(scenarioName + SHARD_CLOCK_SUFFIX)
                .exec(session -> {
                    run.shardClock().clockUserRan(clockUsers.getAndIncrement() == 0 ? Duration.ZERO : SECOND_CLOCK);
                    return session;
                }).injectOpen(atOnceUsers(1), nothingFor(SECOND_CLOCK), atOnceUsers(1));
    }

    /**
     * This shard's exact share of an injection plan (the plan itself when the run is not sharded), after a pause of
     * {@link ShardSettings#START_LEAD}: Gatling is let go that long before the common start (see before()).
     */
    private OpenInjectionStep[] shareOf(OpenInjectionStep[] plan) {
        if (!run.shard().sharded()) {
            return plan;
        }
        List<OpenInjectionStep> steps = new ArrayList<>(List.of(nothingFor(ShardSettings.START_LEAD)));
        steps.addAll(List.of(ShardedInjection.share(plan, run.shard().index(), run.shard().count())));
        return steps.toArray(OpenInjectionStep[]::new);
    }

    /** Gatling Enterprise tells a simulation its deployment; run locally, its run id is unset. */
    private static boolean onGatlingEnterprise() {
        return DeploymentInfo.INSTANCE != null && DeploymentInfo.INSTANCE.runId != null;
    }

    /**
     * Mean requests one virtual user sends: turns rates relative to the plan's peak into arriving users, and a
     * staircase's users into offered rps. The default is {@code journeys.requestsPerUser}; a simulation that knows its
     * journey's mean overrides this (the override wins).
     */
    protected double requestsPerUser() {
        return run.config().simulation().requestsPerUser();
    }

    /**
     * Records what the client saw of the order (purchase) request just made into the run's order log, which the order
     * integrity check compares with the orders {@code integrity.queries} read from the team's database after the load.
     * Put it right after the request, whose checks save the status and the order id, e.g.
     * {@code status().saveAs("status")} and {@code jsonPath("$.orderNo").optional().saveAs("orderNo")}. An attempt
     * counts as placed when it got 201 with an order id. Ids may be numbers or text; they must be what the
     * {@code integrity.queries} return. Calling it is what turns the check on for a team's run.
     *
     * @param keyAttribute       session attribute of the idempotency key (request id) the request was sent with
     * @param productIdAttribute session attribute of the product ordered
     * @param quantity           units the request ordered
     * @param statusAttribute    session attribute of the HTTP status; absent means no response came back
     * @param orderIdAttribute   session attribute of the order id in the response; absent when there was none
     */
    protected ChainBuilder orderAttempt(String keyAttribute, String productIdAttribute, int quantity,
                                        String statusAttribute, String orderIdAttribute) {
        return orderAttempt(keyAttribute, productIdAttribute, quantity, statusAttribute, orderIdAttribute, null);
    }

    /**
     * {@link #orderAttempt(String, String, int, String, String)} for a request that also saves the service's own
     * served-by header, e.g. {@code header("X-Served-By").optional().saveAs("servedBy")}: an answer carrying it is the
     * service's, a definite one; a 5xx without it (but 503) is taken for a proxy's, whose outcome is unknown
     * (docs/run-folder.md, "Order outcomes").
     *
     * @param servedByAttribute session attribute present when the response carried the header; {@code null}: not saved
     */
    protected ChainBuilder orderAttempt(String keyAttribute, String productIdAttribute, int quantity,
                                        String statusAttribute, String orderIdAttribute, String servedByAttribute) {
        OrderAttemptStep step = new OrderAttemptStep(keyAttribute, productIdAttribute, session -> quantity,
                statusAttribute, orderIdAttribute, servedByAttribute);
        // the order id goes too: a later attempt whose response has none must not be credited with this one's
        return step.recordInto(run.teamOrderLog(), false).exec(session -> session.remove(orderIdAttribute));
    }

    /**
     * Whether this simulation drives the demo shop's own journeys (the built-in sale), whose orders the suite's
     * integrity check knows how to read. A team simulation keeps false: its orders are checked when it records them
     * with {@link #orderAttempt}, and its summary says the check was skipped when it does not.
     * Called while the base class is constructed: return a constant.
     */
    protected boolean drivesShopJourneys() {
        return false;
    }

    /**
     * A Gatling feeder over the CSV file {@code ids.feeders.<name>} names (header row = session keys), drawn at random
     * and endless, so no user runs out of ids. A name that is not configured ends the run before any load (exit 3).
     */
    protected FeederBuilder<String> idsFeeder(String name) {
        Path file = RunExit.beforeLoad(run, () -> run.config().simulation().feederFile(name));
        return csv(file.toString()).random();
    }

    /**
     * A Gatling feeder over the rows {@code ids.queries.<name>} sampled from the team's database (db.url) before the
     * load (column labels = session keys), drawn at random and endless. A name that is not configured ends the run
     * before any load (exit 3).
     */
    protected FeederBuilder<Object> idsQueryFeeder(String name) {
        return listFeeder(RunExit.beforeLoad(run, () -> run.teamIds().rows(name))).random();
    }

    @Override
    public void before() {
        try {
            run.shardClock().awaitRelease();
        } catch (ConfigError e) {
            throw RunExit.notRun(run, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the shards' common start", e);
        }
        recorder = run.startRecording(requestsPerUser());
    }

    @Override
    public void after() {
        run.finish(run.loadFailure());
    }

}
