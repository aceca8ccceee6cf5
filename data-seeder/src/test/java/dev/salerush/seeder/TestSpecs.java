package dev.salerush.seeder;

import dev.salerush.seeder.spec.DatasetSpec;

import dev.salerush.seeder.config.SalerushConfig;

/** Specs from the packaged reference.conf (the one source of defaults). */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static DatasetSpec production() {
        return DatasetSpec.fromConfig(SalerushConfig.load(null).getConfig("dataset")).withScale(1.0);
    }

    public static DatasetSpec small() {
        return production().withScale(0.01);
    }
}
