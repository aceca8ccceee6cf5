package dev.salerush.seeder.safety;

/** The seeder refused a database before writing anything; the message says why and what to change. */
public class SafetyException extends RuntimeException {
    public SafetyException(String message) {
        super(message);
    }
}
