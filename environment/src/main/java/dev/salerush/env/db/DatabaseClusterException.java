package dev.salerush.env.db;

/** The database cluster (or one of its nodes) could not start or do what was asked; the message names the node. */
public class DatabaseClusterException extends RuntimeException {
    public DatabaseClusterException(String message) {
        super(message);
    }

    public DatabaseClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
