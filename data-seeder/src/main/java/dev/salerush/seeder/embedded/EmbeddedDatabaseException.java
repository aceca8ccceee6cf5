package dev.salerush.seeder.embedded;

/** The embedded PostgreSQL could not start; the message says why and what to do instead. */
public class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
