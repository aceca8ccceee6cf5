package dev.salerush.sim.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServerAggregateTest {

    static ServerSample sample(long t, Double cpu, Double rate, Map<String, Double> active, String breaker, Integer db) {
        return new ServerSample(t, cpu, cpu == null ? null : 1e6 * t, rate, rate == null ? null : rate / 10, active,
                null, breaker, db, db == null ? null : db / 2);
    }

    @Test
    void meansAndMaximaAreOverTheSamplesThatMeasuredThem() {
        ServerAggregate a = ServerAggregate.of(List.of(
                sample(1, 0.2, null, Map.of("browse", 3.0, "order", 1.0), "closed", 10),
                sample(2, null, null, null, null, null), // endpoint and database unreachable
                sample(3, 0.6, 100.0, Map.of("browse", 5.0, "order", 0.0), "closed", 4),
                sample(4, 0.4, 300.0, Map.of("browse", 1.0), "closed", 6)));

        assertThat(a.samples()).isEqualTo(4);
        assertThat(a.processCpuMean()).isCloseTo(0.4, within(1e-12));
        assertThat(a.processCpuMax()).isEqualTo(0.6);
        assertThat(a.heapUsedMaxBytes()).isEqualTo(4e6);
        assertThat(a.requestRateMean()).isEqualTo(200.0);
        assertThat(a.serverErrorRateMean()).isEqualTo(20.0);
        assertThat(a.poolActiveMax()).containsExactly(Map.entry("browse", 5.0), Map.entry("order", 1.0));
        assertThat(a.poolPendingMax()).isNull();
        assertThat(a.breakerStates()).containsExactly("closed");
        assertThat(a.dbConnectionsMax()).isEqualTo(10.0);
        assertThat(a.dbActiveMax()).isEqualTo(5.0);
    }

    @Test
    void nothingMeasuredIsNullNeverZero() {
        ServerAggregate unreachable = ServerAggregate.of(List.of(sample(1, null, null, null, null, null),
                sample(2, null, null, null, null, null)));
        ServerAggregate empty = ServerAggregate.of(List.of());

        for (ServerAggregate a : List.of(unreachable, empty)) {
            assertThat(a).extracting(ServerAggregate::processCpuMean, ServerAggregate::processCpuMax,
                    ServerAggregate::heapUsedMaxBytes, ServerAggregate::requestRateMean,
                    ServerAggregate::serverErrorRateMean, ServerAggregate::poolActiveMax,
                    ServerAggregate::poolPendingMax, ServerAggregate::breakerStates,
                    ServerAggregate::dbConnectionsMax, ServerAggregate::dbActiveMax).containsOnlyNulls();
        }
        assertThat(unreachable.samples()).isEqualTo(2);
        assertThat(empty.samples()).isZero();
    }

    @Test
    void breakerStatesAreTheSequenceSeenWithoutConsecutiveRepeats() {
        ServerAggregate a = ServerAggregate.of(List.of(
                sample(1, null, null, null, "closed", null), sample(2, null, null, null, "closed", null),
                sample(3, null, null, null, "open", null), sample(4, null, null, null, null, null),
                sample(5, null, null, null, "open", null), sample(6, null, null, null, "half_open", null),
                sample(7, null, null, null, "closed", null), sample(8, null, null, null, "closed", null)));

        assertThat(a.breakerStates()).containsExactly("closed", "open", "half_open", "closed");
    }

    @Test
    void jsonNamesTheFieldsAndShowsWhatWasNotMeasured() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String aggregate = json.writeValueAsString(ServerAggregate.of(List.of(sample(1, 0.5, null, null, null, null))));
        String line = json.writeValueAsString(sample(1, null, null, null, null, 3));

        assertThat(aggregate).contains("\"samples\":1", "\"processCpuMean\":0.5", "\"requestRateMean\":null",
                "\"dbConnectionsMax\":null");
        assertThat(line).isEqualTo("{\"epochMillis\":1,\"dbConnections\":3,\"dbActive\":1}");
        assertThat(json.readValue(line, ServerSample.class)).isEqualTo(sample(1, null, null, null, null, 3));
    }
}
