package dev.salerush.sim.report.findings;

import dev.salerush.sim.results.RunRecord;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The latest run of each kind ({@link RunKind}) of one simulation against one host, from a catalogue read newest
 * first ({@code RunCatalog.scan}). A folder whose summary.json cannot be read says neither its simulation nor its
 * host, and is in no document; a partial run is, as the latest of its kind, with its status.
 */
record FindingsRuns(FindingsKey key, Map<RunKind, RunRecord> latest) {

    FindingsRuns {
        latest = Map.copyOf(latest);
    }

    /** The runs of {@code key} in {@code runs} (newest first). */
    static FindingsRuns of(FindingsKey key, List<RunRecord> runs) {
        Map<RunKind, RunRecord> latest = new EnumMap<>(RunKind.class);
        for (RunRecord run : runs) {
            if (run.summary() != null && FindingsKey.of(run.summary()).filter(key::equals).isPresent()) {
                RunKind.of(run.summary()).ifPresent(kind -> latest.putIfAbsent(kind, run));
            }
        }
        return new FindingsRuns(key, latest);
    }

    /** Every key with at least one smoke, load or stress run, the one of the newest run first. */
    static List<FindingsKey> keys(List<RunRecord> runs) {
        Set<FindingsKey> keys = new LinkedHashSet<>();
        for (RunRecord run : runs) {
            if (run.summary() != null && RunKind.of(run.summary()).isPresent()) {
                FindingsKey.of(run.summary()).ifPresent(keys::add);
            }
        }
        return new ArrayList<>(keys);
    }

    Optional<RunRecord> run(RunKind kind) {
        return Optional.ofNullable(latest.get(kind));
    }
}
