package dev.salerush.env;

/** The target or a part of the embedded environment could not be reached or started. The message says which and why. */
public class EnvironmentError extends RuntimeException {
    public EnvironmentError(String message) {
        super(message);
    }

    public EnvironmentError(String message, Throwable cause) {
        super(message, cause);
    }
}
