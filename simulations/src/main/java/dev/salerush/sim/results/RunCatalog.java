package dev.salerush.sim.results;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs in a results folder, read from the run folders alone and tolerant of anything a folder may hold: a killed
 * run without summary.json, broken JSON, hand-edited fields of the wrong type. Such a folder becomes a record that
 * says so, never an exception.
 *
 * <pre>{@code
 * List<RunRecord> runs = RunCatalog.scan(Path.of("results"));   // newest first
 * runs.stream().filter(r -> !r.corrupt() && "stress".equals(r.profile())) ...   // r.summary(): the typed summary
 * }</pre>
 */
public final class RunCatalog {
    private static final Logger log = LoggerFactory.getLogger(RunCatalog.class);
    /** Run folders are named {@code yyyyMMdd-HHmmss-<profile>[-n]} (see RunFolder). */
    private static final Pattern FOLDER_NAME = Pattern.compile("(\\d{8}-\\d{6})-(.+?)(-\\d+)?");
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Comparator<RunRecord> NEWEST_FIRST = Comparator
            .comparing(RunRecord::startedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(RunRecord::runId).reversed();

    private RunCatalog() {
    }

    /**
     * Every run folder (every non-hidden directory directly under {@code resultsDir} but the suite's own,
     * {@link RunFiles#NOT_RUNS}), newest first; an empty list when the folder does not exist.
     */
    public static List<RunRecord> scan(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(resultsDir)) {
            entries.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .filter(dir -> !RunFiles.NOT_RUNS.contains(dir.getFileName().toString()))
                    .forEach(dir -> runs.add(read(dir)));
        } catch (IOException e) {
            log.warn("cannot list {}: {}", resultsDir, e.toString());
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** One run folder. */
    public static RunRecord read(Path runDir) {
        SummaryReader.Reading reading = SummaryReader.read(runDir.resolve(RunFiles.SUMMARY));
        return reading.summary() == null ? corrupt(runDir, reading.problem()) : fromSummary(runDir, reading);
    }

    private static RunRecord fromSummary(Path runDir, SummaryReader.Reading reading) {
        String runId = runDir.getFileName().toString();
        RunSummary summary = reading.summary();
        RunRecord.Health health = summary.status() == RunStatus.COMPLETE ? RunRecord.Health.OK : RunRecord.Health.PARTIAL;
        Instant startedAt = instant(summary.startedAt());
        return new RunRecord(runId, runDir, health, health == RunRecord.Health.OK ? null : whyPartial(reading),
                startedAt != null ? startedAt : folderTime(runId),
                summary.profile() != null ? summary.profile() : folderProfile(runId), reading.unreadable(), summary);
    }

    private static String whyPartial(SummaryReader.Reading reading) {
        RunSummary summary = reading.summary();
        if (summary.failure() != null) {
            return summary.failure();
        }
        String status = summary.status() != null ? summary.status().json() : reading.unreadable().get("status");
        return status == null ? "summary.json has no status" : "status is '" + status + "'";
    }

    private static RunRecord corrupt(Path runDir, String problem) {
        String runId = runDir.getFileName().toString();
        return new RunRecord(runId, runDir, RunRecord.Health.CORRUPT, problem, folderTime(runId), folderProfile(runId),
                Map.of(), null);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The local time in a folder name, read as UTC (what the folder name says, when nothing else does). */
    static Instant folderTime(String runId) {
        Matcher m = FOLDER_NAME.matcher(runId);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(1), FOLDER_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String folderProfile(String runId) {
        Matcher m = FOLDER_NAME.matcher(runId);
        return m.matches() ? m.group(2) : null;
    }
}
