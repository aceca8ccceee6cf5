package dev.salerush.sim.staging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingInfoTest {

    @TempDir
    Path dir;

    private static StagingInfo info(Long shop1Pid) {
        return new StagingInfo("http://127.0.0.1:8080", "http://127.0.0.1:9090", "http://127.0.0.1:9093",
                "http://127.0.0.1:7000/ops", "http://127.0.0.1:8090", "jdbc:postgresql://127.0.0.1:1,127.0.0.1:2/s",
                "postgres", "secret", 42, "/r/staging-1", "/r/staging-1/events.jsonl", List.of(
                new StagingInfo.Instance("shop-1", shop1Pid, 8081, "v2:broken-orders", shop1Pid != null),
                new StagingInfo.Instance("shop-2", 124L, 8082, "v1", true)));
    }

    @Test
    void theJsonHasEveryFieldInOrderAndNoPidForAnInstanceThatIsDown() throws Exception {
        JsonNode json = new ObjectMapper().readTree(info(null).toJson());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("baseUrl", "prometheusUrl", "alertmanagerUrl", "opsUrl", "gatewayAdminUrl",
                "dbUrl", "dbUser", "dbPassword", "pid", "dir", "events", "instances");
        JsonNode shop1 = json.get("instances").get(0);
        assertThat(shop1.get("name").asText()).isEqualTo("shop-1");
        assertThat(shop1.get("pid").isNull()).isTrue();
        assertThat(shop1.get("running").asBoolean()).isFalse();
        assertThat(shop1.get("version").asText()).isEqualTo("v2:broken-orders");
        assertThat(json.get("instances").get(1).get("pid").asLong()).isEqualTo(124);
        assertThat(json.get("instances").get(1).get("port").asInt()).isEqualTo(8082);
    }

    @Test
    void theFileIsRewrittenOnlyWhenTheInfoChangesAndGoneAfterTheStop() throws Exception {
        Path file = dir.resolve("info.json");
        AtomicReference<StagingInfo> now = new AtomicReference<>(info(123L));
        InfoFile infoFile = new InfoFile(file, now::get);
        assertThat(infoFile.json()).isNull();
        infoFile.refresh();
        assertThat(file).hasContent(info(123L).toJson().strip());
        assertThat(infoFile.json()).isEqualTo(info(123L).toJson());
        Files.writeString(file, "touched");
        infoFile.refresh();
        assertThat(file).hasContent("touched"); // unchanged info: not rewritten
        now.set(info(null));
        infoFile.refresh();
        assertThat(new ObjectMapper().readTree(file.toFile()).at("/instances/0/running").asBoolean()).isFalse();
        assertThat(dir.resolve("info.json.tmp")).doesNotExist();
        infoFile.delete();
        assertThat(file).doesNotExist();
        now.set(info(999L));
        infoFile.refresh();
        assertThat(file).doesNotExist();
    }
}
