package dev.salerush.shop.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.shop.admission.AdmissionLimiter.Decision;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionLimiterTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final ExecutorService waiters = Executors.newCachedThreadPool();

    @AfterEach
    void stopWaiters() {
        waiters.shutdownNow();
    }

    @Test
    void admitsUpToTheLimitWithoutWaiting() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(2, 0);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.acquire(LONG)).as("no queue place: refused at once").isEqualTo(Decision.QUEUE_FULL);
        limiter.release();
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);
    }

    @Test
    void oneSlotOneQueuePlace_thirdCallerIsRefused_queuedCallerGetsInWhenTheSlotFrees() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 1);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);

        Future<Decision> queuedCaller = waiters.submit(() -> limiter.acquire(LONG));
        awaitQueued(limiter, 1);

        assertThat(limiter.acquire(LONG)).isEqualTo(Decision.QUEUE_FULL);
        assertThat(queuedCaller).isNotDone();

        limiter.release();
        assertThat(queuedCaller.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.ADMITTED);
        assertThat(limiter.inFlight()).isEqualTo(1);
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void aQueuedCallerIsRefusedWhenItsWaitEnds() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 1);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);

        assertThat(limiter.acquire(Duration.ofMillis(20))).isEqualTo(Decision.TIMED_OUT);
        assertThat(limiter.acquire(Duration.ZERO)).as("zero wait: no waiting at all").isEqualTo(Decision.TIMED_OUT);
        assertThat(limiter.queued()).as("the queue place is free again").isZero();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void anInterruptedWaiterLeavesTheQueueAndHoldsNoSlot() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 1);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);
        Future<Decision> queuedCaller = waiters.submit(() -> limiter.acquire(LONG));
        awaitQueued(limiter, 1);

        queuedCaller.cancel(true);
        awaitQueued(limiter, 0);
        assertThat(limiter.inFlight()).isEqualTo(1);
        limiter.release();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void eachFreedSlotLetsInOneWaiter() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 2);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);
        Future<Decision> first = waiters.submit(() -> limiter.acquire(LONG));
        Future<Decision> second = waiters.submit(() -> limiter.acquire(LONG));
        awaitQueued(limiter, 2);

        limiter.release();
        awaitQueued(limiter, 1);
        assertThat(limiter.inFlight()).isEqualTo(1);
        limiter.release();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.ADMITTED);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.ADMITTED);
        assertThat(limiter.queued()).isZero();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void releaseWithoutAcquireIsABug() {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 0);
        assertThatThrownBy(limiter::release).isInstanceOf(IllegalStateException.class);
    }

    /** Waits until {@code n} callers are queued (generous bound: the point is the state, not the time). */
    static void awaitQueued(AdmissionLimiter limiter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.queued() != n) {
            assertThat(System.nanoTime()).as("%d callers queued in time (now %s)", n, limiter).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
