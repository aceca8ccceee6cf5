package dev.salerush.seeder.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.datafaker.Faker;

/**
 * Pools of Korean family names, given names and address parts, drawn once per seed from datafaker (slow per
 * call) and then combined per row with a fast PRNG. Pools are deterministic: one Faker with a seeded Random,
 * always called in the same order, duplicates removed keeping first occurrence.
 */
final class NamePools {

    final byte[][] familyNames;
    final byte[][] givenNames;
    final byte[][] regions;
    final byte[][] cities;
    final byte[][] streets;

    private static final Map<Long, NamePools> CACHE = new ConcurrentHashMap<>();

    private NamePools(long seed) {
        Faker faker = new Faker(Locale.KOREAN, new Random(Mix.seed(seed, Mix.POOLS, 0)));
        familyNames = draw(300, () -> faker.name().lastName());
        givenNames = draw(1500, () -> faker.name().firstName());
        regions = draw(200, () -> faker.address().state());
        cities = draw(600, () -> faker.address().city());
        streets = draw(800, () -> faker.address().streetName());
    }

    static NamePools forSeed(long seed) {
        return CACHE.computeIfAbsent(seed, NamePools::new);
    }

    private static byte[][] draw(int calls, java.util.function.Supplier<String> source) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < calls; i++) {
            String s = source.get().strip();
            if (!s.isEmpty()) {
                unique.add(s);
            }
        }
        List<String> list = new ArrayList<>(unique);
        byte[][] out = new byte[list.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
