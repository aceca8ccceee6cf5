package dev.salerush.sim.report.publish;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.report.findings.FindingsPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Everything a results folder shows after a run, in the order each part needs the one before: the run's pages
 * (report.html, summary.md), then the results and countermeasures of its simulation and host (which link the run's
 * page), then the results index (which lists both). Here rather than in {@code report}, whose pages the findings use.
 */
public final class ResultsPages {
    private static final Logger log = LoggerFactory.getLogger(ResultsPages.class);

    private ResultsPages() {
    }

    /** After a finished run: its pages, its findings, the index. Returns the run page. */
    public static Path afterRun(Path runDir, Path resultsDir, ReportSettings settings) {
        Path page = Reports.writeRunPagesOnly(runDir, settings);
        try {
            FindingsPages.writeForRun(runDir, resultsDir, settings);
        } catch (RuntimeException e) {
            log.warn("could not write the findings of {} (its run pages are written): {}", runDir.getFileName(),
                    e.toString());
        }
        Reports.writeIndex(resultsDir, settings);
        return page;
    }

    /** Every run's pages, every findings document, the index; returns how many run pages were written. */
    public static int regenerate(Path resultsDir, ReportSettings settings) {
        int pages = Reports.regenerateRunPages(resultsDir, settings);
        FindingsPages.writeAll(resultsDir, settings);
        Reports.writeIndex(resultsDir, settings);
        return pages;
    }
}
