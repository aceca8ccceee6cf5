package dev.salerush.env.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

    @TempDir
    Path dir;

    @Test
    void eachEventIsOneJsonLineWithAtKindSourceAndDetailAndReadsBack() throws Exception {
        Path file = dir.resolve(EventLog.FILE);
        Clock clock = Clock.fixed(Instant.parse("2026-07-01T10:00:00.123456Z"), ZoneOffset.UTC);
        try (EventLog events = EventLog.open(file, clock)) {
            events.record(EventKinds.OPERATION_STARTED, "kill-instance", "shop-1 \"SIGKILL\"");
            events.record(EventKinds.SERVER_STATE, "shop-1", "UP -> DOWN");
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly(
                "{\"at\":\"2026-07-01T10:00:00.123Z\",\"kind\":\"operation.started\",\"source\":\"kill-instance\","
                        + "\"detail\":\"shop-1 \\\"SIGKILL\\\"\"}",
                "{\"at\":\"2026-07-01T10:00:00.123Z\",\"kind\":\"lb.server-state\",\"source\":\"shop-1\","
                        + "\"detail\":\"UP -> DOWN\"}");
        assertThat(EventLog.read(file)).extracting(Event::detail).containsExactly("shop-1 \"SIGKILL\"", "UP -> DOWN");
    }

    @Test
    void aReopenedLogAppendsAndAClosedLogWritesNothingMore() throws Exception {
        Path file = dir.resolve(EventLog.FILE);
        EventLog first = EventLog.open(file);
        first.record("a", "x", "1");
        first.close();
        first.record("a", "x", "ignored after close");
        try (EventLog second = EventLog.open(file)) {
            second.record("b", "y", "2");
        }
        assertThat(EventLog.read(file)).extracting(Event::kind).containsExactly("a", "b");
    }
}
