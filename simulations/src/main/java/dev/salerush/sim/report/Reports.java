package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.findings.FindingsPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * The suite's own reports, built from run folders alone:
 * <ul>
 *   <li>{@code results/<run>/report.html} — one self-contained page per run (verdict, plan, SLOs, exact percentiles,
 *       charts over time, stress staircase, server metrics, dataset, regression and integrity sections);</li>
 *   <li>{@code results/<run>/summary.md} — the same verdict in Markdown for a CI job summary or a PR comment;</li>
 *   <li>{@code results/index.html} — every run with trends per profile, and links to</li>
 *   <li>{@code results/findings/<simulation>@<host>/findings.html} and {@code findings.md} — the results and
 *       countermeasures (결과와 대응 방안) of the latest smoke, load and stress runs of a simulation against a host
 *       (see {@link FindingsPages}).</li>
 * </ul>
 */
public final class Reports {
    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private Reports() {
    }

    /**
     * Writes a finished run's report.html and summary.md, refreshes the findings of its simulation and host and the
     * results index. Returns the run page.
     */
    public static Path writeForRun(Path runDir, Path resultsDir, ReportSettings settings) {
        Path page = writeRunPages(RunCatalog.read(runDir), settings);
        try {
            FindingsPages.writeForRun(runDir, resultsDir, settings);
        } catch (RuntimeException e) {
            log.warn("could not write the findings of {} (its run pages are written): {}", runDir.getFileName(),
                    e.toString());
        }
        writeIndex(resultsDir, settings);
        return page;
    }

    /** A shard's report.html and summary.md only: the results index lists the merged run, not its shards. */
    public static Path writeRunPagesOnly(Path runDir, ReportSettings settings) {
        return writeRunPages(RunCatalog.read(runDir), settings);
    }

    /**
     * Re-renders every run folder's pages, every findings document and the index. A folder whose page cannot be
     * rendered is logged and skipped; returns how many run pages were written.
     */
    public static int regenerate(Path resultsDir, ReportSettings settings) {
        int written = 0;
        for (RunRecord run : RunCatalog.scan(resultsDir)) {
            try {
                writeRunPages(run, settings);
                written++;
            } catch (RuntimeException e) {
                log.warn("could not render the report of {}: {}", run.runId(), e.toString());
            }
        }
        FindingsPages.writeAll(resultsDir, settings);
        writeIndex(resultsDir, settings);
        return written;
    }

    /** {@code results/index.html} from the folders as they are now. */
    public static Path writeIndex(Path resultsDir, ReportSettings settings) {
        List<RunRecord> runs = RunCatalog.scan(resultsDir);
        Path index = resultsDir.resolve(RunFiles.RESULTS_INDEX);
        AtomicFiles.writeString(index, IndexPage.html(runs, IndexPage.plans(resultsDir),
                resultsDir.getFileName() == null ? resultsDir.toString() : resultsDir.getFileName().toString(),
                FindingsPages.documents(runs, resultsDir), settings));
        return index;
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
