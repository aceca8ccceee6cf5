package dev.salerush.sim.run;

import dev.salerush.env.ExternalTarget;
import dev.salerush.env.RunLogs;
import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.embedded.EmbeddedSaleEnvironment;
import dev.salerush.env.embedded.RedundantSaleEnvironment;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.Cleanup;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetSettings;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;

/** Starts the run's target as its kind says: the embedded environment in its topology, or checks an external one. */
final class Targets {
    private Targets() {
    }

    /** The target, ready for load, logging into {@code folder}; everything started is registered with {@code cleanup}. */
    static SaleEnvironment start(SuiteConfig config, RunFolder folder, Cleanup cleanup, EventLog events) {
        TargetSettings target = config.target();
        RunLogs logs = new RunLogs(folder.file(RunFiles.SHOP_LOG), folder.file(RunFiles.GATEWAY_LOG));
        return switch (config.targetKind()) {
            case EMBEDDED_REDUNDANT -> RedundantSaleEnvironment.start(config.embedded(), config.dataset(), logs,
                    cleanup, events);
            case EMBEDDED_SINGLE -> EmbeddedSaleEnvironment.start(config.embedded(), config.database(),
                    config.dataset(), logs, cleanup, events);
            case EXTERNAL -> cleanup.register("external target", ExternalTarget.connect(target.baseUrl(),
                    target.healthPath(), target.healthTimeout(), config.database()));
        };
    }
}
