package dev.salerush.sim.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.Operation;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.ScheduledOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsDeskTest {

    @TempDir
    Path dir;

    @Test
    void parsesOneOperationInTheScheduleSyntax() {
        ScheduledOperation deploy = OpsDesk.parse(" rolling-deploy v2:broken-orders\n");
        assertThat(deploy.operation()).isEqualTo(Operation.ROLLING_DEPLOY);
        assertThat(deploy.argument()).isEqualTo("v2:broken-orders");
        assertThat(deploy.at()).isEqualTo(Duration.ZERO);
        assertThat(OpsDesk.parse("rollback").argument()).isEmpty();
        assertThat(OpsDesk.parse("gateway-errors 500").operation()).isEqualTo(Operation.GATEWAY_ERRORS);
    }

    @Test
    void badSyntaxIsOneLineNamingWhatIsAllowed() {
        assertThatThrownBy(() -> OpsDesk.parse("explode shop-1"))
                .hasMessageStartingWith("'explode shop-1': unknown operation 'explode'; allowed: kill-instance, ");
        assertThatThrownBy(() -> OpsDesk.parse("gateway-errors abc"))
                .hasMessage("'gateway-errors abc': gateway-errors takes <http status>, e.g. 500, got 'abc'");
        assertThatThrownBy(() -> OpsDesk.parse("rollback now")).hasMessage("'rollback now': rollback takes no "
                + "argument, got 'now'");
        assertThatThrownBy(() -> OpsDesk.parse("")).hasMessageStartingWith("no operation: send one as the request "
                + "body").hasMessageContaining("restart-instance [instance, e.g. shop-1] | ");
        assertThatThrownBy(() -> OpsDesk.parse("kill-instance shop-1; rollback"))
                .hasMessageContaining("one operation per request");
        assertThatThrownBy(() -> OpsDesk.parse("kill-instance\nrollback")).hasMessageStartingWith(
                "'kill-instance rollback' is not one '<operation> [argument]'");
        assertThatThrownBy(() -> OpsDesk.parse("0s kill-instance shop-1"))
                .hasMessageContaining("one operation per request");
        for (String bad : new String[] {"", "explode", "gateway-errors abc", "a b c", "x;y"}) {
            assertThatThrownBy(() -> OpsDesk.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("'0s "));
        }
    }

    @Test
    void answersWhenTheOperationIsDoneAndRecordsItInTheEventsLog() throws Exception {
        Path file = dir.resolve(EventLog.FILE);
        List<String> performed = new ArrayList<>();
        AtomicInteger afterEach = new AtomicInteger();
        try (EventLog events = EventLog.open(file)) {
            OpsDesk desk = new OpsDesk((op, arg) -> {
                performed.add(op.configName() + " " + arg);
                if (op == Operation.RESTART_INSTANCE) {
                    throw new OperationFailedException("shop-1 is running; kill it first or replace it");
                }
                if (op == Operation.FAILOVER) {
                    throw new IllegalStateException("the standby is gone");
                }
            }, events, afterEach::incrementAndGet);

            assertThat(desk.perform("rolling-deploy v2")).satisfies(a -> {
                assertThat(a.status()).isEqualTo(200);
                assertThat(a.text()).matches("done: rolling-deploy v2 \\(\\d+\\.\\d s\\)");
            });
            assertThat(desk.perform("restart-instance shop-1")).satisfies(a -> {
                assertThat(a.status()).isEqualTo(409);
                assertThat(a.text()).matches("failed: restart-instance shop-1 \\(\\d+\\.\\d s\\): shop-1 is running; "
                        + "kill it first or replace it");
            });
            assertThat(desk.perform("failover").status()).isEqualTo(500);
            assertThat(desk.perform("no-such-thing").status()).isEqualTo(400);
        }
        assertThat(performed).containsExactly("rolling-deploy v2", "restart-instance shop-1", "failover ");
        assertThat(afterEach).hasValue(3);
        assertThat(EventLog.read(file)).extracting(Event::kind, Event::source, Event::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("operation.started", "rolling-deploy", "v2"),
                org.assertj.core.groups.Tuple.tuple("operation.ended", "rolling-deploy", "v2"),
                org.assertj.core.groups.Tuple.tuple("operation.started", "restart-instance", "shop-1"),
                org.assertj.core.groups.Tuple.tuple("operation.failed", "restart-instance",
                        "shop-1 is running; kill it first or replace it"),
                org.assertj.core.groups.Tuple.tuple("operation.started", "failover", ""),
                org.assertj.core.groups.Tuple.tuple("operation.failed", "failover", "the standby is gone"));
    }

    @Test
    void oneOperationAtATime() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        OpsDesk desk = new OpsDesk((op, arg) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        }, EventLog.discarding(), () -> { });
        Thread first = new Thread(() -> desk.perform("rolling-deploy v2"));
        first.start();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> desk.perform("rollback"));
        second.start();
        Thread.sleep(200);
        assertThat(second.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
        release.countDown();
        first.join(5_000);
        second.join(5_000);
        assertThat(most).hasValue(1);
    }

    @Test
    void aFaultThatHoldsRunsBesideTheOperationThatEndsIt() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        OpsDesk desk = new OpsDesk((op, arg) -> {
            if (op == dev.salerush.env.ops.Operation.LOCK_HOT_ROWS) {
                try {
                    released.await(5, TimeUnit.SECONDS);   // held until release-locks, as HotRowLock does
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                released.countDown();
            }
        }, EventLog.discarding(), () -> { });
        Thread lock = new Thread(() -> desk.perform("lock-hot-rows 60s"));
        lock.start();
        Thread.sleep(200);

        long before = System.nanoTime();
        assertThat(desk.perform("release-locks").status()).isEqualTo(OpsDesk.DONE);
        lock.join(5_000);
        assertThat(lock.isAlive()).isFalse();
        assertThat(System.nanoTime() - before).as("release-locks did not wait for the lock").isLessThan(4_000_000_000L);
    }
}
