package dev.salerush.sim.shard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardVersionsTest {

    /** The merge compares these between shards: an unfiltered placeholder or a missing version would compare equal. */
    @Test
    void namesTheBuildsVersionAndGatlingsAsReleased() {
        assertThat(ShardVersions.current()).containsOnlyKeys("salerush", "gatling");
        assertThat(ShardVersions.current().get("salerush")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(ShardVersions.current().get("gatling")).matches("3\\.\\d+\\.\\d+");
    }
}
