package dev.salerush.sim.report.publish;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.report.findings.FindingsPages;
import dev.salerush.sim.results.ResultsPruner;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything a results folder shows after a run, in the order each part needs the one before: the runs
 * {@code results.keep} leaves, the run's pages (report.html, summary.md), then the results and countermeasures of its
 * simulation and host (which link the run's page), then the results index (which lists both). Here rather than in
 * {@code report}, whose pages the findings use.
 */
public final class ResultsPages {
    private static final Logger log = LoggerFactory.getLogger(ResultsPages.class);

    private ResultsPages() {
    }

    /**
     * After a finished run: prunes the results folder by {@code keeping} (never the run itself), then its pages, its
     * findings, the pages of the runs compared with a pruned run, the index. Returns the run page. No findings
     * document links a pruned run: each shows the newest run of its kinds, and pruning keeps the newest of each group.
     */
    public static Path afterRun(Path runDir, Path resultsDir, ReportSettings settings, RunPruning.Rule keeping) {
        List<RunRecord> gone = pruned(resultsDir, keeping, runDir.getFileName().toString());
        Path page = Reports.writeRunPagesOnly(runDir, settings);
        try {
            FindingsPages.writeForRun(runDir, resultsDir, settings);
        } catch (RuntimeException e) {
            log.warn("could not write the findings of {} (its run pages are written): {}", runDir.getFileName(),
                    e.toString());
        }
        comparedWithGone(gone, resultsDir, settings);
        Reports.writeIndex(resultsDir, settings);
        return page;
    }

    /**
     * Prunes the results folder by {@code keeping}, then writes every run's pages, every findings document and the
     * index; returns how many run pages were written.
     */
    public static int regenerate(Path resultsDir, ReportSettings settings, RunPruning.Rule keeping) {
        pruned(resultsDir, keeping, null);
        int pages = Reports.regenerateRunPages(resultsDir, settings);
        FindingsPages.writeAll(resultsDir, settings);
        Reports.writeIndex(resultsDir, settings);
        return pages;
    }

    /** The runs pruned; none when pruning fails, which never keeps a run's pages from being written. */
    private static List<RunRecord> pruned(Path resultsDir, RunPruning.Rule keeping, String currentRunId) {
        try {
            return ResultsPruner.prune(resultsDir, keeping, currentRunId, ResultsPruner.CONSOLE).stream()
                    .map(RunPruning.Pruned::run).toList();
        } catch (RuntimeException e) {
            log.warn("could not prune {} (results.keep = {}): {}", resultsDir, keeping.keep(), e.toString());
            return List.of();
        }
    }

    /** Rewrites the pages of the kept runs whose baseline was pruned: they name it now without a link. */
    private static void comparedWithGone(List<RunRecord> gone, Path resultsDir, ReportSettings settings) {
        try {
            Reports.rewriteRunPagesComparedWith(gone.stream().map(RunRecord::runId).collect(Collectors.toSet()),
                    resultsDir, settings);
        } catch (RuntimeException e) {
            log.warn("could not rewrite the pages that linked a pruned run: {}", e.toString());
        }
    }
}
