package dev.salerush.sim.drills;

import dev.salerush.sim.metrics.ExactRecorder;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The client-side service level, one sample a second from the exact recorder's intervals (all requests together):
 * what the drills hold to their tolerance. Impact windows opened on it accumulate the seconds they span.
 */
public final class SliMeter implements ExactRecorder.IntervalListener {
    private final List<DrillResult.Second> seconds = new ArrayList<>();
    private final List<ImpactWindow> open = new CopyOnWriteArrayList<>();

    @Override
    public void onInterval(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest) {
        Histogram all = null;
        long ok = 0;
        long ko = 0;
        for (ExactRecorder.Interval interval : perRequest.values()) {
            ok += interval.ok();
            ko += interval.ko();
            if (interval.latencies().getTotalCount() > 0) {
                if (all == null) {
                    all = interval.latencies().copy();
                } else {
                    all.add(interval.latencies());
                }
            }
        }
        long requests = ok + ko;
        DrillResult.Second second = new DrillResult.Second(Instant.ofEpochMilli(endMillis), requests,
                requests == 0 ? 0 : 100.0 * ko / requests, all == null ? null : (double) all.getValueAtPercentile(95));
        synchronized (this) {
            seconds.add(second);
        }
        for (ImpactWindow window : open) {
            window.add(second, all, ko);
        }
    }

    /** The samples from {@code from} on (inclusive), in time order. */
    public synchronized List<DrillResult.Second> since(Instant from) {
        return seconds.stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    /** Opens a window that accumulates every second from now until it is closed. */
    public ImpactWindow openWindow(ImpactWindow window) {
        open.add(window);
        return window;
    }

    public void closeWindow(ImpactWindow window) {
        open.remove(window);
    }
}
