package dev.salerush.sim.drills.watch;

import java.time.Instant;
import java.util.List;

/** What a person on call recorded during the drills: acknowledgements and first actions, with what was done. */
public interface OnCallLog {

    enum Kind { ACK, ACTION }

    record Entry(Instant at, Kind kind, String note) {
    }

    /** Every entry so far, oldest first. */
    List<Entry> entries();

    /** Nobody records anything: every drill's responder is the stand-in. */
    OnCallLog NONE = List::of;
}
