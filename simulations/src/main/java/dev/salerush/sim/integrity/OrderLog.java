package dev.salerush.sim.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The client's side of every order attempt, streamed to {@code orders.csv} in the run folder as attempts happen:
 * buffered, never held in memory, so a soak of hours costs disk, not heap. Virtual users record concurrently.
 */
public final class OrderLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderLog.class);
    public static final String FILE = "orders.csv";
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final BufferedWriter out;
    private boolean closed;
    private long recorded;
    private IOException problem;
    /** Why an attempt could not be recorded at all (a team's session attribute missing), or null. */
    private String unrecordable;
    private volatile java.util.function.Consumer<OrderAttempt> observer = attempt -> { };

    private OrderLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Creates (or replaces) the log file and writes its header. */
    public static OrderLog open(Path file) {
        try {
            BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), BUFFER_BYTES);
            out.write(OrderAttempt.CSV_HEADER);
            out.newLine();
            return new OrderLog(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the order log " + file, e);
        }
    }

    /** A log that keeps nothing, for runs whose journey places no orders. */
    public static OrderLog discard() {
        return new OrderLog(null, null);
    }

    /** Also hands every attempt recorded from now on to {@code observer} (a drill counts the failed ones). */
    public void observe(java.util.function.Consumer<OrderAttempt> observer) {
        this.observer = observer;
    }

    public synchronized void record(OrderAttempt attempt) {
        observer.accept(attempt);
        if (out == null || closed || problem != null) {
            return;
        }
        try {
            out.write(attempt.toCsv());
            out.newLine();
            recorded++;
        } catch (IOException e) {
            problem = e;
            log.error("order log {} cannot be written, the order integrity check will be incomplete: {}", file, e.toString());
        }
    }

    /** Notes that an attempt could not be recorded: the client's side is then incomplete (the first reason is kept). */
    public synchronized void unrecordable(String why) {
        if (unrecordable == null) {
            unrecordable = why;
            log.error("{}; the order integrity check will be incomplete", why);
        }
    }

    /** Flushes and closes the file; attempts recorded afterwards are dropped. Idempotent. */
    @Override
    public synchronized void close() {
        if (out == null || closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            problem = problem == null ? e : problem;
        }
    }

    public synchronized long recorded() {
        return recorded;
    }

    /** Why the log is not complete, or {@code null} when every attempt was written. */
    public synchronized String problem() {
        if (problem != null) {
            return "the order log " + file + " could not be written: " + problem;
        }
        return unrecordable;
    }

    public Path file() {
        return file;
    }

    /** Reads a (closed) log back line by line. */
    public static void read(Path file, Consumer<OrderAttempt> attempts) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!OrderAttempt.CSV_HEADER.equals(header) && !OrderAttempt.OLD_CSV_HEADER.equals(header)) {
                throw new IllegalArgumentException(file + " is not an order log (header: " + header + ")");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    attempts.accept(OrderAttempt.fromCsv(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the order log " + file, e);
        }
    }
}
