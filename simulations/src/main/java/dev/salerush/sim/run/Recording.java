package dev.salerush.sim.run;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.TargetWatch;
import dev.salerush.env.Urls;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.StallDetector;
import dev.salerush.sim.metrics.WarmupCount;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.server.ServerMetricsScraper;
import dev.salerush.sim.stress.StressController;

import java.net.URI;
import java.time.Duration;

/**
 * What a run records while its load runs, started together when the load starts and stopped together when it ends:
 * the exact client figures, the injector's stalls and health, the target's server metrics and its health watch.
 */
final class Recording {
    private final ExactRecorder recorder;
    private final StallDetector stalls;
    private final InjectorHealth injectorHealth = new InjectorHealth();
    /** Null when server metrics are disabled. */
    private final ServerMetricsScraper serverMetrics;
    private final TargetWatch targetWatch;

    /** What the recording holds once stopped; {@code recorded} is null when nothing was recorded. */
    record Stopped(RecordedRun recorded, StallDetector.Totals stalls, ServerMetricsScraper serverMetrics,
                   InjectorHealth injectorHealth, WarmupCount warmup) {
        static final Stopped NOTHING = new Stopped(null, null, null, null, null);

        InjectorHealth.Figures injectorFigures() {
            return recorded == null ? null : injectorHealth.figures(stalls);
        }
    }

    private Recording(SuiteConfig config, SaleEnvironment environment, RunFolder folder, Duration giveUpAfter) {
        recorder = ExactRecorder.start(folder.file(RunFiles.LATENCY_LOG));
        recorder.addListener(injectorHealth);
        stalls = StallDetector.start(folder.file(RunFiles.STALL_LOG), config.injector().stallPeriod(),
                config.injector().stallBound());
        serverMetrics = ServerMetricsWiring.start(config, environment, folder.file(RunFiles.SERVER_METRICS));
        targetWatch = TargetWatch.start(URI.create(Urls.join(environment.baseUrl().toString(),
                config.target().healthPath())), giveUpAfter);
    }

    /** Starts recording now; the target is given up on once it has been down for {@code giveUpAfter}. */
    static Recording start(SuiteConfig config, SaleEnvironment environment, RunFolder folder, Duration giveUpAfter) {
        return new Recording(config, environment, folder, giveUpAfter);
    }

    ExactRecorder recorder() {
        return recorder;
    }

    ServerMetricsScraper serverMetrics() {
        return serverMetrics;
    }

    /** A staircase's controller hears every stall interval and every recorded interval. */
    void feed(StressController stress) {
        stalls.addListener(stress);
        recorder.addListener(stress);
    }

    /** Why the target is considered down, or null while it is up. */
    String downReason() {
        return targetWatch.downReason();
    }

    /** Stops every part and returns what was recorded. */
    Stopped stop() {
        // first: its last interval reaches the stress controller before the recorder's last one
        stalls.close();
        recorder.close();
        RecordedRun recorded = recorder.snapshot();
        if (serverMetrics != null) {
            serverMetrics.close();
        }
        targetWatch.close();
        return new Stopped(recorded, stalls.totals(), serverMetrics, injectorHealth, recorder.warmup());
    }
}
