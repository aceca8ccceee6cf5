package dev.salerush.env.alerting;

import java.time.Duration;

/** The two things the config generators need to write YAML safely: quoted scalars and Prometheus durations. */
final class Yaml {

    private Yaml() {
    }

    /** A single-quoted YAML scalar: nothing inside is special except the quote, which is doubled. */
    static String quote(String value) {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("a one-line YAML value cannot hold a line break: " + value);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A duration as Prometheus and Alertmanager read it: {@code 1s}, {@code 250ms}, {@code 0s}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
