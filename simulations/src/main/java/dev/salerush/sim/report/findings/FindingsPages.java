package dev.salerush.sim.report.findings;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the results-and-countermeasures documents next to the run folders:
 * {@code results/findings/<simulation>@<host>/findings.html} and {@code findings.md} (see {@link FindingsKey}, and
 * {@link RunKind} for which runs count as smoke, load and stress). A finished run writes the document of its
 * simulation and host before its run pages and the results index, which lists the documents; regenerating the
 * reports writes them all.
 */
public final class FindingsPages {
    private static final Logger log = LoggerFactory.getLogger(FindingsPages.class);

    private FindingsPages() {
    }

    /**
     * The document of the simulation and host of the run in {@code runDir}, from the runs in {@code resultsDir} as
     * they are now; empty (nothing written) when the run is no smoke, load or stress run or does not say which
     * simulation ran against which host.
     */
    public static Optional<Path> writeForRun(Path runDir, Path resultsDir, ReportSettings settings) {
        RunRecord run = RunCatalog.read(runDir);
        if (run.summary() == null || RunKind.of(run.summary()).isEmpty()) {
            return Optional.empty();
        }
        return FindingsKey.of(run.summary()).map(key -> write(key, RunCatalog.scan(resultsDir), resultsDir, settings));
    }

    /** Every document the runs in {@code resultsDir} make; a document that cannot be written is logged and skipped. */
    public static List<Path> writeAll(Path resultsDir, ReportSettings settings) {
        List<RunRecord> runs = RunCatalog.scan(resultsDir);
        List<Path> written = new ArrayList<>();
        for (FindingsKey key : FindingsRuns.keys(runs)) {
            try {
                written.add(write(key, runs, resultsDir, settings));
            } catch (RuntimeException e) {
                log.warn("could not write the findings of {}: {}", key.folder(), e.toString());
            }
        }
        return written;
    }

    /** Writes the page and the Markdown; returns the page. */
    private static Path write(FindingsKey key, List<RunRecord> runs, Path resultsDir, ReportSettings settings) {
        FindingsRuns of = FindingsRuns.of(key, runs);
        Path folder = folder(resultsDir, key);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        Path page = folder.resolve(RunFiles.FINDINGS_PAGE);
        AtomicFiles.writeString(page, FindingsPage.html(of, settings));
        AtomicFiles.writeString(folder.resolve(RunFiles.FINDINGS_MARKDOWN), FindingsPage.markdown(of, settings));
        return page;
    }

    private static Path folder(Path resultsDir, FindingsKey key) {
        return resultsDir.resolve(RunFiles.FINDINGS).resolve(key.folder());
    }
}
