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
                            List<SeverityLevel> severity) {

    /** The pseudo-alert of the pager watchdog: no Watchdog heartbeat reached the webhook for a while. */
    public static final String PAGER_SILENT = "PagerSilent";

    public boolean active() {
        return !scheduled.isEmpty();
    }

    /** One drill of the run, started at {@code at} from the start of the load (or when the one before ended). */
    public record ScheduledDrill(Duration at, DrillSpec drill) {
    }

    /**
     * One catalogue entry; see conf/salerush.conf {@code drills.catalogue}.
     *
     * @param absorbed the redundant topology is built to absorb the fault (the load balancer routes around a dead
     *                 instance): a service level back before the first action is that mitigation, not a fault that
     *                 ended by itself
     */
    public record DrillSpec(String name, String description, String point, List<DrillStep> fault,
                            List<DrillStep> firstAction, boolean rollback, List<String> expectedAlerts,
                            List<String> allowedAlerts, Criteria criteria, boolean absorbed,
                            Duration responderDelay) {
    }

    /**
     * One step of a fault or a first action: an operation of the environment, or one on the alerting stack.
     *
     * @param operation the environment's operation, or null for an alerting step
     */
    public record DrillStep(String text, ScheduledOperation operation, AlertingStep alerting) {
        /** The fault lasts while this step runs and ends with it (see {@code Operation#holds}). */
        public boolean holds() {
            return operation != null && operation.operation().holds();
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

    /** One severity level; a null bound is not checked. */
    public record SeverityLevel(String level, Double koPercent, Long failedOrders, Long impactSeconds) {
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
