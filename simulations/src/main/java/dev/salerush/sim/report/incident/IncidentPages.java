package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a run's drill reports into its folder: {@code incident-<drill>.html} and {@code .md} for every drill, and
 * {@code spof.html} and {@code spof.md} when the run had more than one drill (a game day). Call it before the run
 * page is written ({@code Reports.writeForRun}): the run page links the incident pages it finds in the folder.
 */
public final class IncidentPages {
    private IncidentPages() {
    }

    /** Writes every file atomically and returns their paths, in the order written. */
    public static List<Path> write(Path runDir, String runId, List<DrillResult> drills, ReportSettings settings) {
        ReportSettings language = settings == null ? ReportSettings.defaults() : settings;
        List<DrillResult> present = drills == null ? List.of() : drills.stream().filter(Objects::nonNull).toList();
        List<Path> written = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (DrillResult drill : present) {
            String base = RunFiles.INCIDENT_PREFIX + uniqueName(drill.name(), used);
            boolean gameDay = present.size() > 1;
            written.add(write(runDir.resolve(base + ".html"), IncidentReport.html(drill, runId, language, gameDay)));
            written.add(write(runDir.resolve(base + ".md"), IncidentReport.markdown(drill, runId, language)));
        }
        if (present.size() > 1) {
            written.add(write(runDir.resolve(RunFiles.SPOF_PAGE), SpofReport.html(present, runId, language)));
            written.add(write(runDir.resolve(RunFiles.SPOF_MARKDOWN), SpofReport.markdown(present, runId, language)));
        }
        return written;
    }

    /** The drill's name as a file name part; the same drill twice in a run gets {@code -2}, {@code -3}, … */
    static String uniqueName(String name, Set<String> used) {
        String safe = name == null ? "drill" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        String unique = safe;
        for (int n = 2; !used.add(unique); n++) {
            unique = safe + "-" + n;
        }
        return unique;
    }

    private static Path write(Path file, String content) {
        AtomicFiles.writeString(file, content);
        return file;
    }
}
