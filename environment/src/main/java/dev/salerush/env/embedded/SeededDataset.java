package dev.salerush.env.embedded;

import dev.salerush.env.EnvironmentError;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.SeederException;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.plan.PlanCheckResult;
import dev.salerush.seeder.safety.SafetyException;
import dev.salerush.seeder.spec.DatasetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dataset of a started environment: what was seeded (or found already loaded) and whether the key queries got
 * their expected plans. A plan mismatch stops the start: load on wrong plans measures the wrong thing.
 */
record SeededDataset(SeedReport report, PlanCheckResult planCheck) {
    private static final Logger log = LoggerFactory.getLogger(SeededDataset.class);

    /**
     * Seeds (or finds the dataset already loaded, as on a snapshot copy), then runs the plan check itself — also on an
     * already loaded database — so the run's summary can show its result.
     */
    static SeededDataset seedAndCheck(DbTarget database, DatasetSpec spec) {
        Seeder seeder = new Seeder(database).planCheckAfterSeed(false);
        SeedReport report = seed(seeder, spec);
        PlanCheckResult plans;
        try {
            plans = seeder.planCheck(spec);
        } catch (SafetyException | SeederException e) {
            throw new EnvironmentError("the plan check of the seeded database failed: " + e.getMessage(), e);
        }
        if (!plans.skipped() && !plans.passed()) {
            throw new EnvironmentError("the seeded database does not give the expected query plans: "
                    + plans.describe());
        }
        log.info(plans.skipped() ? "plan check skipped: " + plans.skipReason()
                : "plan check passed (" + plans.entries().size() + " queries)");
        return new SeededDataset(report, plans);
    }

    /** Seeds only (a database about to become a snapshot: its copies get the plan check). */
    static SeedReport seed(Seeder seeder, DatasetSpec spec) {
        try {
            SeedReport report = seeder.seed(spec);
            log.info("dataset {} ({} rows{})", report.fingerprint().substring(0, 12), report.totalRows(),
                    report.noOp() ? ", already loaded" : String.format(", loaded in %.1f s", report.totalSeconds()));
            return report;
        } catch (SafetyException | SeederException e) {
            throw new EnvironmentError("seeding the database failed: " + e.getMessage(), e);
        }
    }

    /** As summary.json records it: fingerprint, rows, load time and the plan check. */
    Map<String, Object> facts(String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("fingerprint", report.fingerprint());
        facts.put("alreadyLoaded", report.noOp());
        facts.put("source", source);
        facts.put("totalRows", report.totalRows());
        facts.put("loadSeconds", report.totalSeconds());
        Map<String, Long> rows = new LinkedHashMap<>();
        report.tables().forEach(table -> rows.put(table.table(), table.rows()));
        facts.put("rows", rows);
        facts.put("planCheck", planCheckFacts());
        return facts;
    }

    /** {passed, queries:[{name, description, matched}]}, or skipped with its reason. */
    private Map<String, Object> planCheckFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (planCheck.skipped()) {
            facts.put("skipped", true);
            facts.put("reason", planCheck.skipReason());
            return facts;
        }
        facts.put("passed", planCheck.passed());
        facts.put("queries", planCheck.entries().stream().map(entry -> {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("name", entry.name());
            query.put("description", entry.description());
            query.put("matched", entry.matched());
            return query;
        }).toList());
        return facts;
    }
}
