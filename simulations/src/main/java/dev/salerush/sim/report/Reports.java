package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.regression.RegressionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The suite's own reports, built from run folders alone:
 * <ul>
 *   <li>{@code results/<run>/report.html} — one self-contained page per run (verdict, plan, SLOs, exact percentiles,
 *       charts over time, stress staircase, server metrics, dataset, regression and integrity sections);</li>
 *   <li>{@code results/<run>/summary.md} — the same verdict in Markdown for a CI job summary or a PR comment;</li>
 *   <li>{@code results/index.html} — every run with trends per profile, and links to the test plans and the
 *       results-and-countermeasures documents beside the runs (written by {@code report.plan} and
 *       {@code report.findings}, which use these pages' parts: this package depends on neither).</li>
 * </ul>
 */
public final class Reports {
    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private Reports() {
    }

    /**
     * Writes a finished run's report.html and summary.md and refreshes the results index (which lists the findings
     * documents beside the runs: {@code report.publish.ResultsPages} writes them in between). Returns the run page.
     */
    public static Path writeForRun(Path runDir, Path resultsDir, ReportSettings settings) {
        Path page = writeRunPages(RunCatalog.read(runDir), settings);
        writeIndex(resultsDir, settings);
        return page;
    }

    /** A shard's report.html and summary.md only: the results index lists the merged run, not its shards. */
    public static Path writeRunPagesOnly(Path runDir, ReportSettings settings) {
        return writeRunPages(RunCatalog.read(runDir), settings);
    }

    /**
     * Re-renders every run folder's pages and the index. A folder whose page cannot be rendered is logged and
     * skipped; returns how many run pages were written.
     */
    public static int regenerate(Path resultsDir, ReportSettings settings) {
        int written = regenerateRunPages(resultsDir, settings);
        writeIndex(resultsDir, settings);
        return written;
    }

    /** Re-renders every run folder's pages (not the index); returns how many were written. */
    public static int regenerateRunPages(Path resultsDir, ReportSettings settings) {
        int written = 0;
        for (RunRecord run : RunCatalog.scan(resultsDir)) {
            written += rendered(run, settings);
        }
        return written;
    }

    /**
     * Re-renders the pages of the runs in {@code resultsDir} whose regression baseline is one of {@code goneRunIds}
     * (deleted by {@code results.keep}), so that none links a page that is gone; returns how many were written.
     */
    public static int rewriteRunPagesComparedWith(Set<String> goneRunIds, Path resultsDir, ReportSettings settings) {
        if (goneRunIds.isEmpty()) {
            return 0;
        }
        int written = 0;
        for (RunRecord run : RunCatalog.scan(resultsDir)) {
            RegressionResult regression = run.summary() == null ? null : run.summary().regression();
            if (regression != null && goneRunIds.contains(regression.baselineRunId())
                    && Files.isRegularFile(run.dir().resolve(RunFiles.REPORT_PAGE))) {
                written += rendered(run, settings);
            }
        }
        return written;
    }

    /** {@code results/index.html} from the folders as they are now. */
    public static Path writeIndex(Path resultsDir, ReportSettings settings) {
        List<RunRecord> runs = RunCatalog.scan(resultsDir);
        Path index = resultsDir.resolve(RunFiles.RESULTS_INDEX);
        AtomicFiles.writeString(index, IndexPage.html(runs, IndexPage.plans(resultsDir),
                resultsDir.getFileName() == null ? resultsDir.toString() : resultsDir.getFileName().toString(),
                IndexPage.findings(resultsDir), IndexPage.comparisons(resultsDir), settings));
        return index;
    }

    /** 1 when the run's pages were written, 0 when they could not be rendered (logged). */
    private static int rendered(RunRecord run, ReportSettings settings) {
        try {
            writeRunPages(run, settings);
            return 1;
        } catch (RuntimeException e) {
            log.warn("could not render the report of {}: {}", run.runId(), e.toString());
            return 0;
        }
    }

    private static Path writeRunPages(RunRecord run, ReportSettings settings) {
        Path page = run.dir().resolve(RunFiles.REPORT_PAGE);
        AtomicFiles.writeString(page, RunPage.html(run, settings));
        AtomicFiles.writeString(run.dir().resolve(RunFiles.MARKDOWN_SUMMARY), RunPage.markdown(run, displayPath(page), settings));
        return page;
    }

    /** Relative to the working directory when below it (results/<run>/report.html in a CI log), else absolute. */
    static String displayPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path workingDir = Path.of("").toAbsolutePath();
        return absolute.startsWith(workingDir) ? workingDir.relativize(absolute).toString() : absolute.toString();
    }
}
