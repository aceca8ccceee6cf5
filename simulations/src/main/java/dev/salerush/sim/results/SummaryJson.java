package dev.salerush.sim.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/** summary.json as the suite writes it: indented, nulls left out, written atomically. */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static void write(RunSummary summary, Path file) {
        AtomicFiles.write(file, temp -> JSON.writeValue(temp.toFile(), summary));
    }

    /** A summary this version wrote; for one that may be old or hand-edited, see {@link SummaryReader}. */
    public static RunSummary read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunSummary.class);
    }

    static String toText(RunSummary summary) throws IOException {
        return JSON.writeValueAsString(summary);
    }
}
