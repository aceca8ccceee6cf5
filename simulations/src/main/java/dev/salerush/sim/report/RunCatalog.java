package dev.salerush.sim.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.results.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * runs.stream().filter(r -> !r.corrupt() && "stress".equals(r.profile())) ...
 * }</pre>
 */
public final class RunCatalog {
    private static final Logger log = LoggerFactory.getLogger(RunCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Run folders are named {@code yyyyMMdd-HHmmss-<profile>[-n]} (see RunFolder). */
    private static final Pattern FOLDER_NAME = Pattern.compile("(\\d{8}-\\d{6})-(.+?)(-\\d+)?");
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Comparator<RunRecord> NEWEST_FIRST = Comparator
            .comparing(RunRecord::startedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(RunRecord::runId).reversed();

    private RunCatalog() {
    }

    /**
     * Every run folder (every non-hidden directory) directly under {@code resultsDir}, newest first; an empty list
     * when the folder does not exist.
     */
    public static List<RunRecord> scan(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(resultsDir)) {
            entries.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .forEach(dir -> runs.add(read(dir)));
        } catch (IOException e) {
            log.warn("cannot list {}: {}", resultsDir, e.toString());
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** One run folder. */
    public static RunRecord read(Path runDir) {
        String runId = runDir.getFileName().toString();
        Path file = runDir.resolve(RunFiles.SUMMARY);
        JsonNode summary;
        try {
            summary = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return corrupt(runDir, "no summary.json (the run was killed before it finished, or never started)");
        } catch (JacksonException e) {
            return corrupt(runDir, "summary.json is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return corrupt(runDir, "summary.json cannot be read: " + e.getMessage());
        }
        if (summary == null || !summary.isObject()) {
            return corrupt(runDir, summary == null || summary.isMissingNode()
                    ? "summary.json is empty" : "summary.json is not a JSON object");
        }
        return fromSummary(runDir, runId, summary);
    }

    private static RunRecord fromSummary(Path runDir, String runId, JsonNode summary) {
        List<String> warnings = new ArrayList<>();
        for (String path : List.of("global.p95Ms", "global.rps", "breakingPoint.rps")) {
            if (JsonFields.notANumber(summary, path)) {
                warnings.add(path + " is not a number");
            }
        }
        String status = JsonFields.text(summary, "status");
        String failure = JsonFields.text(summary, "failure");
        RunRecord.Health health = "complete".equals(status) ? RunRecord.Health.OK : RunRecord.Health.PARTIAL;
        String problem = health == RunRecord.Health.OK ? null
                : failure != null ? failure
                : status == null ? "summary.json has no status" : "status is '" + status + "'";
        Instant startedAt = instant(JsonFields.text(summary, "startedAt"));
        if (startedAt == null) {
            startedAt = folderTime(runId);
        }
        String profile = JsonFields.text(summary, "profile");
        return new RunRecord(runId, runDir, health, problem, startedAt, profile != null ? profile : folderProfile(runId),
                JsonFields.text(summary, "target.baseUrl"), status, JsonFields.text(summary, "verdict"),
                JsonFields.number(summary, "global.p95Ms"), JsonFields.number(summary, "global.rps"),
                p95ByRequest(summary), JsonFields.number(summary, "breakingPoint.rps"), List.copyOf(warnings), summary);
    }

    private static Map<String, Double> p95ByRequest(JsonNode summary) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonFields.fields(summary, "requests").forEach((name, stats) -> {
            Double p95 = JsonFields.number(stats, "p95Ms");
            if (p95 != null) {
                out.put(name, p95);
            }
        });
        return out;
    }

    private static RunRecord corrupt(Path runDir, String problem) {
        String runId = runDir.getFileName().toString();
        return new RunRecord(runId, runDir, RunRecord.Health.CORRUPT, problem, folderTime(runId), folderProfile(runId),
                null, null, null, null, null, Map.of(), null, List.of(), null);
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
