package dev.salerush.env.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterUrlsTest {

    @Test
    void multiHostUrlListsBothNodesPrimaryFirstWithFailoverTimeouts() {
        assertThat(ClusterUrls.multiHost("127.0.0.1", List.of(5433, 5434), "salerush", Duration.ofSeconds(10)))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5433,127.0.0.1:5434/salerush?targetServerType=primary"
                        + "&hostRecheckSeconds=2&loginTimeout=2&connectTimeout=2&socketTimeout=10");
    }

    @Test
    void socketTimeoutIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(ClusterUrls.multiHost("h", List.of(1), "d", Duration.ofMillis(1500))).endsWith("socketTimeout=2");
        assertThat(ClusterUrls.multiHost("h", List.of(1), "d", Duration.ZERO)).endsWith("socketTimeout=1");
    }

    @Test
    void singleUrlAndNoPorts() {
        assertThat(ClusterUrls.single("127.0.0.1", 5433, "salerush")).isEqualTo("jdbc:postgresql://127.0.0.1:5433/salerush");
        assertThatThrownBy(() -> ClusterUrls.multiHost("h", List.of(), "d", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durableAndReplicationSettingsCannotBeOverridden() {
        var c = DatabaseCluster.nodeConfig(java.util.Map.of("fsync", "off", "wal_level", "minimal",
                "work_mem", "4MB"), "salerush-pg-cluster-1-primary");
        assertThat(c).containsEntry("fsync", "on").containsEntry("full_page_writes", "on")
                .containsEntry("synchronous_commit", "on").containsEntry("wal_level", "replica")
                .containsEntry("hot_standby", "on").containsEntry("work_mem", "4MB")
                .containsEntry("cluster_name", "salerush-pg-cluster-1-primary");
    }
}
