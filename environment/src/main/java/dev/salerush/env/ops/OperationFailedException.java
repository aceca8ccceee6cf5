package dev.salerush.env.ops;

/** An operation could not be done; the message names the step and the cause. */
public class OperationFailedException extends RuntimeException {
    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
