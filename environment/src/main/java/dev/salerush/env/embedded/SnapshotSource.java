package dev.salerush.env.embedded;

import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.db.SnapshotCache;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.embedded.EmbeddedDatabaseException;
import dev.salerush.seeder.embedded.SeededSnapshot;
import dev.salerush.seeder.spec.DatasetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Where an embedded start's database comes from: the stored snapshot of its dataset (copied, seconds), or a fresh
 * embedded database seeded now and turned into a snapshot — stored for the next start when snapshots are reused.
 */
final class SnapshotSource {
    private static final Logger log = LoggerFactory.getLogger(SnapshotSource.class);

    private SnapshotSource() {
    }

    /** A snapshot and how it was obtained ({@code snapshot} or {@code seeded}); close it after the copies started. */
    record Obtained(SeededSnapshot snapshot, String how) implements AutoCloseable {
        @Override
        public void close() {
            snapshot.close();
        }
    }

    static Obtained obtain(DatasetSpec spec, EmbeddedSettings.Snapshots settings) {
        String fingerprint = spec.fingerprint();
        SnapshotCache cache = new SnapshotCache(settings.dir(), settings.kept());
        if (settings.reuse()) {
            Optional<SeededSnapshot> stored = cache.find(fingerprint);
            if (stored.isPresent()) {
                log.info("dataset {}: copying its stored snapshot ({})", fingerprint.substring(0, 12),
                        stored.get().directory());
                return new Obtained(stored.get(), "snapshot");
            }
        }
        SeededSnapshot fresh = seedFresh(spec);
        if (!settings.reuse()) {
            return new Obtained(fresh, "seeded");
        }
        try {
            return new Obtained(cache.store(fingerprint, fresh), "seeded");
        } catch (RuntimeException e) {
            // a cache that cannot be written costs the next start its seeding, not this run
            log.warn("{}; the run goes on without storing it", e.getMessage());
            return new Obtained(fresh, "seeded");
        }
    }

    private static SeededSnapshot seedFresh(DatasetSpec spec) {
        EmbeddedDatabase db;
        try {
            db = EmbeddedDatabase.start();
        } catch (EmbeddedDatabaseException e) {
            throw new EnvironmentError(e.getMessage(), e);
        }
        try {
            SeededDataset.seed(new Seeder(new DbTarget(db.jdbcUrl(), db.user(), db.password(), DbTarget.LOOPBACK))
                    .planCheckAfterSeed(false), spec);
            return SeededSnapshot.take(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
