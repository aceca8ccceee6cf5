package dev.salerush.sim.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target's metrics over time from {@code server-metrics.jsonl} (one JSON object per scrape): every numeric field
 * becomes a series named by its path ({@code processCpu}, {@code poolActive.browse}, ...), keyed by the sample's
 * {@code epochMillis} — the same clock as the latency log, so both share one time axis. Fields a sample lacks are
 * gaps, and unreadable lines are skipped (a run killed mid-write leaves half a line).
 */
public final class ServerTimeline {
    private static final Logger log = LoggerFactory.getLogger(ServerTimeline.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A point of one series: epoch millis and the mean of the samples merged into it. */
    public record Point(long x, double y) {
    }

    private ServerTimeline() {
    }

    /** Series by name, each with at most about {@code maxPoints} points (neighbouring samples averaged). */
    public static Map<String, List<Point>> read(Path jsonl, int maxPoints) {
        List<JsonNode> samples = samples(jsonl);
        int groupSize = Downsampling.groupSize(samples.size(), maxPoints);
        Map<String, List<Point>> series = new LinkedHashMap<>();
        for (int from = 0; from < samples.size(); from += groupSize) {
            List<JsonNode> group = samples.subList(from, Math.min(samples.size(), from + groupSize));
            long x = group.get(0).get("epochMillis").asLong();
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (JsonNode sample : group) {
                flatten("", sample, (name, value) -> {
                    double[] sum = sums.computeIfAbsent(name, n -> new double[2]);
                    sum[0] += value;
                    sum[1]++;
                });
            }
            sums.forEach((name, sum) -> series.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new Point(x, sum[0] / sum[1])));
        }
        return series;
    }

    private static List<JsonNode> samples(Path jsonl) {
        List<JsonNode> samples = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode sample = JSON.readTree(line);
                    if (sample.isObject() && sample.path("epochMillis").isNumber()) {
                        samples.add(sample);
                    } else {
                        skipped++;
                    }
                } catch (JacksonException e) {
                    skipped++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl, e);
        }
        if (skipped > 0) {
            log.info("{}: skipped {} unreadable line(s)", jsonl, skipped);
        }
        samples.sort(java.util.Comparator.comparingLong(s -> s.get("epochMillis").asLong()));
        return samples;
    }

    private interface FieldSink {
        void accept(String name, double value);
    }

    private static void flatten(String prefix, JsonNode node, FieldSink sink) {
        node.fields().forEachRemaining(field -> {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, sink);
            } else if (value.isNumber() && !"epochMillis".equals(name) && Double.isFinite(value.doubleValue())) {
                sink.accept(name, value.doubleValue());
            }
        });
    }
}
