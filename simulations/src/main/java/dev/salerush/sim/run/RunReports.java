package dev.salerush.sim.run;

import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.drills.DrillsOutcome;
import dev.salerush.sim.report.JUnitReport;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.report.publish.ResultsPages;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.report.plan.PlanPages;
import dev.salerush.sim.report.plan.PlanSubject;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * What a run writes into its folder besides summary.json: the test plan when the folder is created, junit.xml and the
 * drills' incident reports when it finishes, Gatling's own report and the report pages when it is closed. A report
 * that cannot be written keeps the run going and the summary.
 */
final class RunReports {
    private static final Logger log = LoggerFactory.getLogger(RunReports.class);

    private RunReports() {
    }

    /** The test plan (plan.html, plan.md): known before the load, so written as soon as the folder exists. */
    static void writePlan(SuiteConfig config, RunFolder folder, String simulation, boolean shopJourneys) {
        try {
            PlanPages.write(folder.dir(), config, PlanSubject.ofRun(simulation, shopJourneys, folder.runId()));
        } catch (RuntimeException e) {
            log.warn("could not write the test plan (the run goes on): {}", e.toString());
        }
    }

    /** junit.xml, and the incident report of every drill (and the SPOF table of a game day); null: no drills. */
    static void writeFinished(SuiteConfig config, RunFolder folder, RunSummary summary, DrillsOutcome drills) {
        JUnitReport.write(summary, folder.file(RunFiles.JUNIT));
        if (drills == null || drills.results().isEmpty()) {
            return;
        }
        try {
            IncidentPages.write(folder.dir(), folder.runId(), drills.results(), config.report());
        } catch (RuntimeException e) {
            log.warn("could not write the incident reports (summary.json keeps the drills): {}", e.toString());
        }
    }

    /**
     * Copies Gatling's report of the run started at {@code startedAt} into the folder and writes the report pages (a
     * shard only its own: the index belongs to the merged run); returns where they are.
     */
    static String writeClosed(SuiteConfig config, RunFolder folder, boolean shard, Instant startedAt) {
        GatlingReportCopier.findReport(GatlingReportCopier.gatlingResultsDir(config.root()), startedAt.toEpochMilli())
                .ifPresent(report -> GatlingReportCopier.copy(report, folder.dir()));
        try {
            return (shard ? Reports.writeRunPagesOnly(folder.dir(), config.report())
                    : ResultsPages.afterRun(folder.dir(), config.resultsDir(), config.report(),
                    RunPruning.Rule.of(config))).toString();
        } catch (RuntimeException e) {
            log.warn("could not write the run's report pages (summary.json is kept): {}", e.toString());
            return folder.dir().toString();
        }
    }
}
