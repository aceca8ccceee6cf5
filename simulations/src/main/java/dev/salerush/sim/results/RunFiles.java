package dev.salerush.sim.results;

import dev.salerush.sim.integrity.OrderLog;

/**
 * The name of every file the suite writes into a run folder ({@code results/<run-id>/}) and next to the run folders.
 * docs/run-folder.md describes each of them; a new file gets its name here and a line there.
 */
public final class RunFiles {
    /** The machine-readable result of the run (see {@link RunSummary}). */
    public static final String SUMMARY = "summary.json";
    /** Every response time as an HdrHistogram interval log, one interval per second and request name. */
    public static final String LATENCY_LOG = "latency.hlog";
    /** How late the injector's stall probe woke, as an HdrHistogram interval log (µs), one interval per second. */
    public static final String STALL_LOG = "injector-stalls.hlog";
    /** The SLO, integrity and regression checks as a JUnit report. */
    public static final String JUNIT = "junit.xml";
    /** What the client saw of every order attempt (runs that place orders). */
    public static final String ORDERS = OrderLog.FILE;
    /** The target's metrics, one JSON line per scrape. */
    public static final String SERVER_METRICS = "server-metrics.jsonl";
    /** The suite's own page of the run. */
    public static final String REPORT_PAGE = "report.html";
    /** The verdict in Markdown, for a CI job summary or a PR comment. */
    public static final String MARKDOWN_SUMMARY = "summary.md";
    /** A drill's incident report (장애보고서): {@code incident-<drill>.html} and {@code incident-<drill>.md}. */
    public static final String INCIDENT_PREFIX = "incident-";
    /** A game day's single-points-of-failure table (runs with more than one drill), as a page and in Markdown. */
    public static final String SPOF_PAGE = "spof.html";
    public static final String SPOF_MARKDOWN = "spof.md";
    /** The test plan (테스트 계획서), written when the folder is created, before any load: a page and in Markdown. */
    public static final String PLAN_PAGE = "plan.html";
    public static final String PLAN_MARKDOWN = "plan.md";
    /** Gatling's HTML report, copied in with its js/ and style/ folders. */
    public static final String GATLING_REPORT = "index.html";
    /** Logs of the embedded demo shop and payment gateway. */
    public static final String SHOP_LOG = "shop.log";
    /** What happened to the environment during the run, one JSON object a line: {at, kind, source, detail}. */
    public static final String EVENTS = dev.salerush.env.events.EventLog.FILE;
    public static final String GATEWAY_LOG = "gateway.log";
    /**
     * Put there by a person ({@code touch results/<run-id>/pinned}), never by the suite: {@code results.keep} never
     * deletes the run. Its content does not matter.
     */
    public static final String PINNED = "pinned";
    /** In the results folder itself, next to the run folders: every run with trends per profile. */
    public static final String RESULTS_INDEX = "index.html";
    /** Next to the run folders: the undo steps a SIGKILLed drill still owes, one file per drill. */
    public static final String PENDING_UNDO = "pending-undo";
    /** Next to the run folders: the test plans written alone ({@code -Dplan.only=true}), {@code plans/<profile>/}. */
    public static final String PLANS = "plans";
    /**
     * Next to the run folders: the results-and-countermeasures documents (결과와 대응 방안), one folder per simulation
     * and target host, {@code findings/<simulation>@<host>/} with {@link #FINDINGS_PAGE} and {@link #FINDINGS_MARKDOWN}.
     */
    public static final String FINDINGS = "findings";
    public static final String FINDINGS_PAGE = "findings.html";
    public static final String FINDINGS_MARKDOWN = "findings.md";
    /**
     * Next to the run folders: the mitigation comparisons, {@code compare/<yyyyMMdd-HHmmss>/} each with its page
     * ({@code compare.html}, {@code compare.md}) and the settings of its runs, which are run folders of their own.
     */
    public static final String COMPARISONS = "compare";
    public static final String COMPARISON_PAGE = "compare.html";
    /**
     * Folders of the suite's own next to the run folders, which are no runs: the catalogue, the index and any pruning
     * leave them alone.
     */
    public static final java.util.Set<String> NOT_RUNS = java.util.Set.of(RunFiles.PENDING_UNDO, RunFiles.PLANS,
            RunFiles.FINDINGS, RunFiles.COMPARISONS);

    private RunFiles() {
    }
}
