package dev.salerush.seeder.load;

/** Hook for showing the seeder's progress. All methods are called on the seeding thread; defaults do nothing. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** A named step started ("create tables", "indexes", "vacuum analyze", ...). */
    default void stepStarted(String step) {
    }

    default void stepFinished(String step, double seconds) {
    }

    default void tableStarted(String table, long totalRows) {
    }

    /** Called every chunk (tens of thousands of rows). */
    default void tableProgress(String table, long rowsDone, long totalRows) {
    }

    default void tableFinished(String table, long rows, double seconds) {
    }
}
