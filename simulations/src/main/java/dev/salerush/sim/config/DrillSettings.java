package dev.salerush.sim.config;

import dev.salerush.env.ops.ScheduledOperation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code drills} section and the drills this run performs ({@code -Ddrill=<name>}, or the game day's schedule).
 *
 * @param scheduled    the drills of this run at their offsets from the start of the load; empty when none
 * @param catalogue    every drill of the catalogue by name
 */
public record DrillSettings(List<ScheduledDrill> scheduled, Map<String, DrillSpec> catalogue, Alerting alerting,
                            Duration responderDelay, Tolerance tolerance, Duration steadyHold, Duration steadyWithin,
                            Duration recoveryHold, Abort abort, Duration pagerSilentAfter, Duration resolvedWithin,
                            List<SeverityLevel> severity, Environment environment, ExternalDrills external,
                            Duration maxDuration, boolean preflightOnly) {

    /** The pseudo-alert of the pager watchdog: no Watchdog heartbeat reached the webhook for a while. */
    public static final String PAGER_SILENT = "PagerSilent";

    public boolean active() {
        return !scheduled.isEmpty();
    }

    /** Whether the drills run against a team's own staging and alerting ({@code drills.environment = external}). */
    public boolean isExternal() {
        return environment == Environment.EXTERNAL;
    }

    /** Whether a drill of this run waits for a person ({@code responder.mode = human}): the receiver takes it. */
    public boolean needsReceiver() {
        return isExternal() || scheduled.stream().anyMatch(d -> d.drill().responderMode() == ResponderMode.HUMAN);
    }

    /** Where the drills run: the suite's own demo world, or a team's staging with its own alerting. */
    public enum Environment { EMBEDDED, EXTERNAL }

    /** Who takes the first action: the on-call stand-in ({@code responder.delay} after the notice), or a person. */
    public enum ResponderMode { AUTO, HUMAN }

    /** One drill of the run, started at {@code at} from the start of the load (or when the one before ended). */
    public record ScheduledDrill(Duration at, DrillSpec drill) {
    }

    /**
     * One catalogue entry; see conf/salerush.conf {@code drills.catalogue}.
     *
     * @param absorbed the redundant topology is built to absorb the fault (the load balancer routes around a dead
     *                 instance): a service level back before the first action is that mitigation, not a fault that
     *                 ended by itself
     * @param expected the alerts that must fire (detection = the first of them), by name and labels
     * @param undo     steps that always run after the drill — when it ends, is aborted, or the run is stopped
     */
    public record DrillSpec(String name, LocalizedText description, LocalizedText point, List<DrillStep> fault,
                            List<DrillStep> firstAction, boolean rollback, List<AlertMatcher> expected,
                            List<String> allowedAlerts, Criteria criteria, boolean absorbed,
                            Duration responderDelay, ResponderMode responderMode, List<DrillStep> undo) {

        /** The names of the expected alerts ({@link #PAGER_SILENT} among them for the pager watchdog). */
        public List<String> expectedAlerts() {
            return expected.stream().map(AlertMatcher::name).distinct().toList();
        }

        /** Whether an alert of {@code name} with {@code labels} is one this drill expects. */
        public boolean expects(String name, java.util.Map<String, String> labels) {
            return expected.stream().anyMatch(m -> m.matches(name, labels));
        }

        /** Whether someone is to respond: a first action in the runbook, or a person on call. */
        public boolean expectsResponse() {
            return !firstAction.isEmpty() || responderMode == ResponderMode.HUMAN;
        }

        /** Every step of the drill: its fault, first action and undo, in that order. */
        public java.util.stream.Stream<DrillStep> steps() {
            return java.util.stream.Stream.of(fault, firstAction, undo).flatMap(List::stream);
        }

        /** Whether a person records the first action (the suite performs none of the runbook). */
        public boolean human() {
            return responderMode == ResponderMode.HUMAN;
        }
    }

    /**
     * One step of a fault, a first action or an undo: one of the embedded environment's operations, one on its
     * alerting stack, a program ({@link RunStep}) or an HTTP call ({@link HttpStep}). Exactly one is set.
     */
    public record DrillStep(String text, ScheduledOperation operation, AlertingStep alerting, RunStep run,
                            HttpStep http) {
        public static DrillStep of(String text, ScheduledOperation operation) {
            return new DrillStep(text, operation, null, null, null);
        }

        public static DrillStep of(String text, AlertingStep alerting) {
            return new DrillStep(text, null, alerting, null, null);
        }

        public static DrillStep of(RunStep run) {
            return new DrillStep(run.describe(), null, null, run, null);
        }

        public static DrillStep of(HttpStep http) {
            return new DrillStep(http.describe(), null, null, null, http);
        }

        /** The fault lasts while this step runs and ends with it (see {@code Operation#holds}, {@link RunStep#holds}). */
        public boolean holds() {
            return (operation != null && operation.operation().holds()) || (run != null && run.holds());
        }

        /** A step only the embedded environment can perform (its operations and its alerting stack). */
        public boolean builtIn() {
            return operation != null || alerting != null;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** What a drill can do to the alerting stack itself. */
    public enum AlertingStep {
        STOP_ALERTMANAGER("stop-alertmanager"), START_ALERTMANAGER("start-alertmanager"),
        STOP_WEBHOOK("stop-webhook"), START_WEBHOOK("start-webhook");

        private final String configName;

        AlertingStep(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        static Optional<AlertingStep> named(String name) {
            return java.util.Arrays.stream(values()).filter(step -> step.configName.equals(name)).findFirst();
        }
    }

    /** A drill's pass criteria. */
    public record Criteria(Duration detectWithin, Duration notifyWithin, Duration recoverWithin) {
    }

    /** The service level per second the drill measures against. */
    public record Tolerance(double koPercent, double p95Ms) {
        public boolean holds(double koPercent, Double p95Ms) {
            return koPercent <= this.koPercent && (p95Ms == null || p95Ms <= this.p95Ms);
        }
    }

    /** The abort guard: an error ratio above {@code koPercent} for {@code after} in a row. */
    public record Abort(double koPercent, Duration after) {
    }

    /**
     * One severity level (장애 등급); a null bound is not checked.
     *
     * @param id    how alert rules and summary.json name it, e.g. {@code sev2}
     * @param level what pages and notices show, per language, e.g. 2등급 (SEV2) / SEV2
     */
    public record SeverityLevel(String id, LocalizedText level, Double koPercent, Long failedOrders,
                                Long impactSeconds) {
    }

    /** The alerting stack's settings. */
    public record Alerting(Path rulesDir, Duration scrapeInterval, Duration evaluationInterval, Duration groupWait,
                           Duration groupInterval, Duration repeatInterval, Duration watchdogRepeat, String channel,
                           Optional<String> slackWebhookUrl, Map<String, String> tools) {
        @Override
        public String toString() {
            // never print the webhook URL: it is a secret
            return "Alerting[rules=" + rulesDir + ", scrape=" + scrapeInterval + ", evaluation=" + evaluationInterval
                    + ", slack=" + (slackWebhookUrl.isPresent() ? "set" : "stand-in only") + "]";
        }
    }
}
