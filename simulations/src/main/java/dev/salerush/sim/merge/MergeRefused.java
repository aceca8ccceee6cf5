package dev.salerush.sim.merge;

/** The shard folders do not make one run: nothing was written. The message names the folder and what differs. */
public final class MergeRefused extends RuntimeException {
    public MergeRefused(String message) {
        super(message);
    }
}
