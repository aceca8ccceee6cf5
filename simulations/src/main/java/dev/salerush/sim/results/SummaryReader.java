package dev.salerush.sim.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a summary.json of any age or origin into a {@link RunSummary}: an old summary lacks fields (they read as
 * null), a hand-edited one may hold a field of the wrong type — that field reads as null ("not measured", never 0)
 * and is listed in {@link Reading#unreadable()} with what it held. Only a file that is missing or not a JSON object
 * gives no summary at all, with the reason.
 */
public final class SummaryReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    /**
     * @param summary    the summary, or null when the file could not be read as one
     * @param problem    why there is no summary; null when there is one
     * @param unreadable fields present but of the wrong type, by dotted path ({@code global.p95Ms}), with the text
     *                   they held
     */
    public record Reading(RunSummary summary, String problem, Map<String, String> unreadable) {
        static Reading failed(String problem) {
            return new Reading(null, problem, Map.of());
        }
    }

    private SummaryReader() {
    }

    public static Reading read(Path file) {
        byte[] bytes;
        JsonNode tree;
        try {
            bytes = Files.readAllBytes(file);
            tree = JSON.readTree(bytes);
        } catch (NoSuchFileException e) {
            return Reading.failed("no summary.json (the run was killed before it finished, or never started)");
        } catch (JacksonException e) {
            return Reading.failed("summary.json is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Reading.failed("summary.json cannot be read: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return Reading.failed("summary.json is empty");
        }
        if (!tree.isObject()) {
            return Reading.failed("summary.json is not a JSON object");
        }
        WrongTypes wrongTypes = new WrongTypes();
        try {
            RunSummary summary = JSON.readerFor(RunSummary.class).withHandler(wrongTypes).readValue(bytes);
            return new Reading(summary, null, Map.copyOf(wrongTypes.found));
        } catch (IOException e) {
            return Reading.failed("summary.json does not read as a run summary: " + e.getMessage());
        }
    }

    /** Turns every value of the wrong type into null and notes where it was. */
    private static final class WrongTypes extends DeserializationProblemHandler {
        final Map<String, String> found = new LinkedHashMap<>();

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                                            JsonParser p, String failureMsg) throws IOException {
            return skipped(p);
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                             String failureMsg) {
            note(ctxt.getParser(), value);
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                             String failureMsg) {
            note(ctxt.getParser(), String.valueOf(value));
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            return skipped(p);
        }

        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                                 Throwable t) {
            note(ctxt.getParser(), String.valueOf(argument));
            return null;
        }

        /** Notes the value at the parser and skips it whole (an array or object where a number was expected). */
        private Object skipped(JsonParser p) throws IOException {
            note(p, p.getText());
            p.skipChildren();
            return null;
        }

        private void note(JsonParser p, String value) {
            found.putIfAbsent(path(p), value);
        }

        private static String path(JsonParser p) {
            JsonStreamContext context = p.getParsingContext();
            if (p.currentToken() == JsonToken.START_ARRAY || p.currentToken() == JsonToken.START_OBJECT) {
                context = context.getParent();
            }
            Deque<String> parts = new ArrayDeque<>();
            for (; context != null && !context.inRoot(); context = context.getParent()) {
                parts.addFirst(context.inArray() ? String.valueOf(context.getCurrentIndex()) : context.getCurrentName());
            }
            return String.join(".", parts);
        }
    }
}
