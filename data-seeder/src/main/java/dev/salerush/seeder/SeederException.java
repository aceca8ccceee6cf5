package dev.salerush.seeder;

/** Seeding, verifying or checking plans failed (database error); the message names the target, masked. */
public class SeederException extends RuntimeException {
    public SeederException(String message, Throwable cause) {
        super(message, cause);
    }
}
