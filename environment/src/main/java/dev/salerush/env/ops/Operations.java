package dev.salerush.env.ops;

/**
 * What an environment can do to itself while load runs. Each call performs one operation and returns when it has
 * ended; the steps it takes go to the run's event log.
 */
public interface Operations {

    /**
     * Performs {@code operation} with its {@code argument} (empty when it takes none).
     *
     * @throws OperationFailedException it could not be done; the message says which step failed and why
     */
    void perform(Operation operation, String argument);
}
