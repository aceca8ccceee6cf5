package dev.salerush.seeder.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds keys and indexes (indexes.sql) and runs VACUUM (ANALYZE) per table on its own connection and thread,
 * while the loader is still copying later tables: on 2 cores the server builds one table's indexes while it
 * parses the next table's COPY stream. A statement runs once every table it names is loaded (for a foreign key
 * also the referenced table's primary key); ties go to the earlier statement in the file.
 */
public final class IndexBuilder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);
    private static final Pattern TARGET = Pattern.compile(
            "(?i)^(?:ALTER TABLE(?: ONLY)?|CREATE (?:UNIQUE )?INDEX \\w+ ON(?: ONLY)?) (?:\\w+\\.)?(\\w+)");
    private static final Pattern REFERENCES = Pattern.compile("(?i)REFERENCES (?:\\w+\\.)?(\\w+)");
    private static final Pattern PRIMARY_KEY = Pattern.compile("(?i)PRIMARY KEY");

    /** One statement of indexes.sql and what it waits for. */
    record Task(String sql, String table, String references, boolean primaryKey) {
    }

    private final List<Connection> connections;
    private final Set<String> busy = new HashSet<>();
    private final ProgressListener progress;
    private final List<Task> pending;
    private final Set<String> tablesToVacuum;
    private final Set<String> loaded = new HashSet<>();
    private final Set<String> primaryKeysDone = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean allLoaded;
    private volatile Throwable failure;
    private double busySeconds;

    /**
     * @param statements keys, indexes and foreign keys to build (ALTER TABLE / CREATE INDEX, optionally
     *                   schema-qualified); tables they name that are not loaded here count as loaded and keyed
     */
    public IndexBuilder(List<Connection> connections, List<String> tables, List<String> statements,
                        ProgressListener progress) {
        this.connections = List.copyOf(connections);
        this.progress = progress;
        this.pending = new ArrayList<>(parse(statements));
        this.tablesToVacuum = new java.util.LinkedHashSet<>(tables);
        Set<String> withPrimaryKey = new HashSet<>();
        for (Task t : pending) {
            if (t.primaryKey() && t.references() == null) {
                withPrimaryKey.add(t.table());
            }
        }
        for (Task t : pending) {
            for (String name : java.util.Arrays.asList(t.table(), t.references())) {
                if (name != null && !tables.contains(name)) {
                    loaded.add(name); // already there: a table of the schema this run does not load
                }
                if (name != null && !withPrimaryKey.contains(name)) {
                    primaryKeysDone.add(name); // no primary key to wait for
                }
            }
        }
        for (int i = 0; i < this.connections.size(); i++) {
            Connection c = this.connections.get(i);
            Thread t = new Thread(() -> run(c), "salerush-index-builder-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    static List<Task> parse(List<String> statements) {
        List<Task> tasks = new ArrayList<>();
        for (String s : statements) {
            Matcher t = TARGET.matcher(s);
            if (!t.find()) {
                throw new IllegalStateException("indexes.sql: cannot tell which table this is for: " + s);
            }
            Matcher r = REFERENCES.matcher(s);
            tasks.add(new Task(s, t.group(1).toLowerCase(), r.find() ? r.group(1).toLowerCase() : null,
                    PRIMARY_KEY.matcher(s).find()));
        }
        return tasks;
    }

    public IndexBuilder start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** The loader committed this table. */
    public synchronized void tableLoaded(String table) {
        loaded.add(table);
        notifyAll();
    }

    /** No more tables will be loaded. */
    public synchronized void allLoaded() {
        allLoaded = true;
        notifyAll();
    }

    /** Rethrows a failure of the builder thread (the loader calls this between tables to stop early). */
    public void checkFailure() throws SQLException {
        Throwable f = failure;
        if (f instanceof SQLException e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("index builder failed", f);
        }
    }

    /** Waits until every statement and vacuum ran; returns the builder's busy seconds. */
    public double awaitDone() throws SQLException, InterruptedException {
        allLoaded();
        for (Thread t : threads) {
            t.join();
        }
        checkFailure();
        synchronized (this) {
            return busySeconds;
        }
    }

    private void run(Connection connection) {
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("SET maintenance_work_mem = '512MB'");
                // Two workers already use both cores; parallel index builds on top only add processes.
                st.execute("SET max_parallel_maintenance_workers = 0");
            }
            while (true) {
                Object next = nextWork();
                if (next == null) {
                    return;
                }
                String table = next instanceof Task task ? task.table() : (String) next;
                String refs = next instanceof Task task ? task.references() : null;
                long t0 = System.nanoTime();
                String label;
                try (Statement st = connection.createStatement()) {
                    if (next instanceof Task task) {
                        label = task.sql();
                        st.execute(task.sql());
                        if (task.primaryKey()) {
                            synchronized (this) {
                                primaryKeysDone.add(task.table());
                            }
                        }
                    } else {
                        label = "VACUUM (ANALYZE) " + next;
                        st.execute(label);
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                synchronized (this) {
                    busySeconds += s;
                    busy.remove(table);
                    if (refs != null) {
                        busy.remove(refs);
                    }
                    notifyAll();
                }
                log.debug("{} ms: {}", Math.round(s * 1000), label);
            }
        } catch (Throwable t) {
            failure = t;
            log.debug("index builder failed", t);
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Next ready statement, else a loaded table whose statements are all done (to vacuum), else waits; null when
     * everything is done or another worker failed.
     */
    private synchronized Object nextWork() throws InterruptedException {
        while (true) {
            if (failure != null) {
                return null;
            }
            for (int i = 0; i < pending.size(); i++) {
                Task t = pending.get(i);
                if (ready(t)) {
                    pending.remove(i);
                    busy.add(t.table());
                    if (t.references() != null) {
                        busy.add(t.references());
                    }
                    return t;
                }
            }
            for (String table : tablesToVacuum) {
                if (loaded.contains(table) && !busy.contains(table)
                        && pending.stream().noneMatch(t -> t.table().equals(table))) {
                    tablesToVacuum.remove(table);
                    busy.add(table);
                    return table;
                }
            }
            if (allLoaded && pending.isEmpty() && tablesToVacuum.isEmpty()) {
                return null;
            }
            if (allLoaded && busy.isEmpty()) {
                throw new IllegalStateException("indexes.sql statements wait for tables that were not loaded: "
                        + pending + ", vacuum " + tablesToVacuum);
            }
            wait();
        }
    }

    private boolean ready(Task t) {
        if (!loaded.contains(t.table()) || busy.contains(t.table())
                || (t.references() != null && busy.contains(t.references()))) {
            return false;
        }
        if (t.references() == null) {
            return true;
        }
        return loaded.contains(t.references()) && primaryKeysDone.contains(t.references())
                && primaryKeysDone.contains(t.table());
    }

    @Override
    public void close() {
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).isAlive()) {
                try {
                    connections.get(i).abort(Runnable::run);
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
