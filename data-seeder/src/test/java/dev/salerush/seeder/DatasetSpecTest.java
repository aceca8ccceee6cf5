package dev.salerush.seeder;

import dev.salerush.seeder.spec.DatasetSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {

    @Test
    void productionCountsComeFromTheConfAndAreExactAtScaleOne() {
        DatasetSpec spec = TestSpecs.production();
        assertThat(spec.brandCount()).isEqualTo(2063);
        assertThat(spec.productCount()).isEqualTo(223_986);
        assertThat(spec.userCount()).isEqualTo(1_650_000);
        assertThat(spec.orderCount()).isEqualTo(1_000_000);
    }

    @Test
    void scaledCountsRoundWithAFloorOfOne() {
        DatasetSpec spec = TestSpecs.production().withScale(0.01);
        assertThat(spec.brandCount()).isEqualTo(21);     // 20.63
        assertThat(spec.productCount()).isEqualTo(2240); // 2239.86
        assertThat(spec.userCount()).isEqualTo(16_500);
        assertThat(DatasetSpec.scaled(2063, 0.0001)).isEqualTo(1);
        assertThat(DatasetSpec.scaled(223_986, 2.0)).isEqualTo(447_972);
    }

    @Test
    void fingerprintIsStableAndChangesWithSeedAndScale() {
        DatasetSpec spec = TestSpecs.production();
        assertThat(spec.fingerprint()).hasSize(64).isEqualTo(TestSpecs.production().fingerprint());
        assertThat(spec.withSeed(1).fingerprint()).isNotEqualTo(spec.fingerprint());
        assertThat(spec.withScale(0.5).fingerprint()).isNotEqualTo(spec.fingerprint());
        assertThat(DatasetSpec.fromDescription(spec.describe())).isEqualTo(spec);
    }

    @Test
    void systemPropertiesOverlayTheConfig() {
        System.setProperty("dataset.scale", "0.25");
        try {
            ConfigFactory.invalidateCaches();
            DatasetSpec spec = DatasetSpec.fromConfig(
                    dev.salerush.seeder.config.SalerushConfig.load(null).getConfig("dataset"));
            assertThat(spec.scale()).isEqualTo(0.25);
        } finally {
            System.clearProperty("dataset.scale");
            ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void rejectsBadValuesNamingTheKey() {
        assertThatThrownBy(() -> TestSpecs.production().withScale(0)).hasMessageContaining("dataset.scale");
        assertThatThrownBy(() -> TestSpecs.production().withScale(Double.NaN)).hasMessageContaining("dataset.scale");
        assertThatThrownBy(() -> new DatasetSpec(1, 1, 1, 1, 1, 1, 5, 2, 1)).hasMessageContaining("dataset.stock");
    }
}
