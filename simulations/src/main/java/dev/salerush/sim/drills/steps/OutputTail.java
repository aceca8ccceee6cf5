package dev.salerush.sim.drills.steps;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines a step wrote, for its record: enough to say why it failed, never a whole log. */
final class OutputTail {
    static final int LINES = 10;
    static final int LINE_CHARS = 300;
    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        lines.addLast(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "…" : line);
        if (lines.size() > LINES) {
            lines.removeFirst();
        }
    }

    static OutputTail of(String text) {
        OutputTail tail = new OutputTail();
        text.lines().forEach(tail::add);
        return tail;
    }

    @Override
    public synchronized String toString() {
        return lines.isEmpty() ? "(no output)" : String.join(" | ", lines);
    }
}
