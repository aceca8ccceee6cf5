package dev.salerush.env.alerting;

import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every notice the webhook stand-ins of a drill received, across restarts of the stand-in (each new one starts with
 * an empty journal; request ids are unique, so a notice is never counted twice). An incident notice is recorded as a
 * {@code notice.posted} event; heartbeats are kept but not recorded.
 */
final class NoticeWatch {

    private final EventLog events;
    private final Set<String> seen = new HashSet<>();
    private final List<Notice> notices = new ArrayList<>();

    NoticeWatch(EventLog events) {
        this.events = events;
    }

    /** Takes in the stand-in's journal (by request id): the notices not seen before. */
    synchronized void observe(Map<String, Notice> journal) {
        for (Map.Entry<String, Notice> posted : journal.entrySet()) {
            if (seen.add(posted.getKey())) {
                Notice notice = posted.getValue();
                notices.add(notice);
                if (!Notice.WATCHDOG.equals(notice.receiver())) {
                    events.record(EventKinds.NOTICE_POSTED, notice.receiver(),
                            notice.title().isEmpty() ? notice.status() + " " + notice.alertNames() : notice.title());
                }
            }
        }
    }

    synchronized List<Notice> notices() {
        return List.copyOf(notices);
    }

    synchronized Optional<Instant> lastHeartbeat() {
        return notices.stream().filter(n -> Notice.WATCHDOG.equals(n.receiver())).map(Notice::receivedAt)
                .max(Instant::compareTo);
    }
}
