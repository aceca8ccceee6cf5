package dev.salerush.sim.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** orders.csv: written concurrently as attempts happen, read back whole after the run. */
class IntegrityOrderLogTest {

    @Test
    void attemptsRecordedConcurrentlyReadBackExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(OrderLog.FILE);
        List<OrderAttempt> written = IntStream.range(0, 20_000).mapToObj(i -> new OrderAttempt(1_700_000_000_000L + i,
                "key-" + (i / 2), i % 2 == 0 ? String.valueOf(i % 7) : "G00012" + i % 7, 1 + i % 2,
                i % 5 == 0 ? null : (i % 3 == 0 ? 409 : 201), i % 3 == 0 || i % 5 == 0 ? null : String.valueOf(i / 2),
                i % 2 == 1)).toList();
        try (OrderLog log = OrderLog.open(file)) {
            written.parallelStream().forEach(log::record);
            assertThat(log.recorded()).isEqualTo(written.size());
            assertThat(log.problem()).isNull();
        }

        List<OrderAttempt> read = new ArrayList<>();
        OrderLog.read(file, read::add);

        assertThat(Files.readAllLines(file).get(0)).isEqualTo(OrderAttempt.CSV_HEADER);
        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void attemptsAreFoldedPerKeyWithWhatTheClientCouldKnow() {
        ClientOrders client = ClientOrders.of(List.of(
                new OrderAttempt(1, "k1", "3", 2, 201, "11", false),
                new OrderAttempt(2, "k1", "3", 2, 201, "11", true),
                new OrderAttempt(3, "k2", "3", 1, 409, null, false),
                new OrderAttempt(4, "k3", "3", 1, null, null, false)));

        assertThat(client.attempts()).isEqualTo(4);
        assertThat(client.retries()).isEqualTo(1);
        assertThat(client.statusCounts()).containsEntry("201", 2L).containsEntry("409", 1L).containsEntry("none", 1L);
        assertThat(client.key("k1").orderIds()).containsExactly("11");
        assertThat(client.key("k1").succeeded()).isTrue();
        assertThat(client.key("k2").onlyRefused()).isTrue();
        assertThat(client.key("k3").onlyRefused()).isFalse();
        assertThat(client.key("k3").unanswered()).isTrue();
    }

    @Test
    void aClosedOrDiscardingLogKeepsNothingAndAForeignFileIsRefused(@TempDir Path dir) throws Exception {
        OrderLog discard = OrderLog.discard();
        discard.record(new OrderAttempt(1, "k", "1", 1, 201, "1", false));
        assertThat(discard.recorded()).isZero();

        Path file = dir.resolve(OrderLog.FILE);
        OrderLog log = OrderLog.open(file);
        log.close();
        log.record(new OrderAttempt(1, "k", "1", 1, 201, "1", false));
        assertThat(Files.readAllLines(file)).containsExactly(OrderAttempt.CSV_HEADER);

        Files.writeString(file, "something,else\n");
        assertThatThrownBy(() -> OrderLog.read(file, attempt -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an order log");
    }

    @Test
    void whetherTheServiceAnsweredIsTheLastColumnAndALogWrittenBeforeItIsStillRead(@TempDir Path dir) throws Exception {
        OrderAttempt proxyTimeout = new OrderAttempt(5, "k", "3", 1, 504, null, false, false);
        OrderAttempt shopShed = new OrderAttempt(6, "k", "3", 1, 503, null, true, true);
        assertThat(OrderAttempt.CSV_HEADER).endsWith(",retry,servedByService");
        assertThat(shopShed.toCsv()).isEqualTo("6,k,3,1,503,,true,true");
        assertThat(OrderAttempt.fromCsv(proxyTimeout.toCsv())).isEqualTo(proxyTimeout);

        Path old = dir.resolve(OrderLog.FILE);
        Files.writeString(old, "atMillis,idempotencyKey,productId,quantity,status,orderId,retry\n5,k,3,1,504,,false\n");
        List<OrderAttempt> read = new ArrayList<>();
        OrderLog.read(old, read::add);

        assertThat(read).containsExactly(proxyTimeout);
        assertThat(read.get(0).unknown()).as("a 504 without the served-by header").isTrue();
    }
}
