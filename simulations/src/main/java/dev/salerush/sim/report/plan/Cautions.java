package dev.salerush.sim.report.plan;

import dev.salerush.env.ops.ScheduledOperation;
import dev.salerush.sim.config.SuiteConfig;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The scenario document's cautions as a checklist, each with what the suite does about it in this configuration. An
 * item is ticked only when the suite itself takes care of it; an open one is the team's to check, and says so.
 */
final class Cautions {
    /** One caution: ticked when the suite covers it, and what it does (or what the team has to do). */
    record Caution(String id, boolean covered, String title, String does) {
    }

    private Cautions() {
    }

    static List<Caution> of(SuiteConfig config, Words w) {
        return List.of(volume(config, w), externalSystems(config, w), batchLoad(config, w), clientTime(config, w));
    }

    /** Production-equal volume: the seeder's counts, and the key queries' plans checked on every embedded run. */
    private static Caution volume(SuiteConfig config, Words w) {
        String title = w.get("caution.volume");
        if (!config.target().embedded()) {
            return new Caution("volume", false, title, w.get("caution.volume.external"));
        }
        return DataCounts.fullScale(config.dataset())
                ? new Caution("volume", true, title, w.get("caution.volume.full"))
                : new Caution("volume", false, title, w.get("caution.volume.partial",
                Words.number(config.dataset().scale() * 100, 2), Words.code("dataset.scale = 1")));
    }

    /** External systems apart: the embedded payment gateway is a process of its own; a team's are the team's. */
    private static Caution externalSystems(SuiteConfig config, Words w) {
        String title = w.get("caution.external");
        return config.target().embedded()
                ? new Caution("external", true, title, w.get("caution.external.embedded"))
                : new Caution("external", false, title, w.get("caution.external.team"));
    }

    /** Background batch load: the suite adds none; operations on the environment are named, being no batch load. */
    private static Caution batchLoad(SuiteConfig config, Words w) {
        String title = w.get("caution.batch");
        List<ScheduledOperation> operations = config.operations();
        return operations.isEmpty() ? new Caution("batch", false, title, w.get("caution.batch.none"))
                : new Caution("batch", false, title, w.get("caution.batch.operations",
                operations.stream().map(Words::code).collect(Collectors.joining(", "))));
    }

    /** Client processing time left out: the injector times requests alone; think time and warm-up are not counted. */
    private static Caution clientTime(SuiteConfig config, Words w) {
        String warmup = config.profile().warmup().isZero() ? w.get("caution.client.noWarmup")
                : w.get("caution.client.warmup", w.duration(config.profile().warmup()));
        return new Caution("client", true, w.get("caution.client"), w.get("caution.client.does", warmup));
    }
}
