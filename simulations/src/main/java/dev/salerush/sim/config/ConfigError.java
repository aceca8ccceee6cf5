package dev.salerush.sim.config;

/**
 * Bad configuration or command-line input. Its message names the key and what is allowed; the suite prints it
 * as one line and exits non-zero before anything is started or sent.
 */
public class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
