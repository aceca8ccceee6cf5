package dev.salerush.sim.shard;

import dev.salerush.sim.config.ConfigError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shard's timing: it waits for the common start, learns when Gatling's injection clock really started (Gatling's
 * start-up after before() takes a varying while), makes every user wait the difference so that the plan counts from
 * the common start, and measures the start skew of its first measured user. Does nothing for a run that is not
 * sharded.
 */
public final class ShardClock {
    private static final Logger log = LoggerFactory.getLogger(ShardClock.class);

    private final ShardSettings shard;
    private final AtomicLong firstMeasuredMillis = new AtomicLong();
    private volatile long staggerMillis;
    /** When Gatling's injection clock started (epoch ms), 0 until a clock user ran. */
    private long injectionStartMillis;

    public ShardClock(ShardSettings shard) {
        this.shard = shard;
    }

    /**
     * Waits until Gatling may start ({@link ShardSettings#releaseAtMs()}). A shard that wakes too late throws
     * {@link ConfigError}: it must not send its share late.
     */
    public void awaitRelease() throws InterruptedException {
        if (!shard.sharded()) {
            return;
        }
        shard.checkNotLate(System.currentTimeMillis() + shard.startAtMs() - shard.releaseAtMs());
        long wait = shard.releaseAtMs() - System.currentTimeMillis();
        log.info("shard {} of {} (run {}): starting in {} ms", shard.index(), shard.count(), shard.runId(),
                Math.max(wait, 0));
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /**
     * A clock user planned {@code plannedOffset} into Gatling's injection ran now: Gatling's clock started at most
     * that long ago. A user only ever runs late (the first of a JVM by its class loading), so the earliest estimate
     * is the best.
     */
    public synchronized void clockUserRan(Duration plannedOffset) {
        long estimate = System.currentTimeMillis() - plannedOffset.toMillis();
        injectionStartMillis = injectionStartMillis == 0 ? estimate : Math.min(injectionStartMillis, estimate);
    }

    /**
     * How long every user waits before its journey: the common start minus (Gatling's start plus the plan's leading
     * pause). Zero when not sharded, before a clock user ran, or when Gatling started too late for it.
     */
    public synchronized Duration startCorrection() {
        if (!shard.sharded() || injectionStartMillis == 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(0, shard.startAtMs() - injectionStartMillis
                - ShardSettings.START_LEAD.toMillis()));
    }

    /** The injection planned this shard's first measured user {@code stagger} after the measured steps start. */
    public void plannedStagger(Duration stagger) {
        staggerMillis = stagger.toMillis();
    }

    /** A measured virtual user sends a request: the first one marks the shard's real start. */
    public void measuredUserStarted() {
        if (firstMeasuredMillis.get() == 0) {
            firstMeasuredMillis.compareAndSet(0, System.currentTimeMillis());
        }
    }

    /** When the first measured user started (epoch ms), 0 if none did. */
    public long firstMeasuredMillis() {
        return firstMeasuredMillis.get();
    }

    /** The first measured user's time minus the planned one (common start, warm-up, stagger); 0 if none started. */
    public long startSkewMillis(Duration warmup) {
        long started = firstMeasuredMillis.get();
        return started == 0 ? 0 : started - (shard.startAtMs() + warmup.toMillis() + staggerMillis);
    }
}
