package dev.salerush.env.process;

/** A child process could not be started or did not become healthy; the message includes the tail of its log. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
