package dev.salerush.sim.drills.external;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Records what the person on call did, from a terminal, on the receiver of the drill running now:
 * {@code ./mvnw -q compile exec:java@drill-log -Dkind=ack|action -Dnote="rolled back" [-Dport=<receiver.port>]}
 * (the port defaults to {@code drills.external.receiver.port}). The same as {@code POST /drill/ack} or
 * {@code POST /drill/action} with the note as the body. Exit 0 when recorded, 3 for bad input, 1 when no drill
 * receiver answers.
 */
public final class DrillLogMain {
    static final int NO_RECEIVER = 1;
    static final int BAD_INPUT = 3;
    private static final List<String> KINDS = List.of("ack", "action");

    private DrillLogMain() {
    }

    public static void main(String[] args) {
        String kind = System.getProperty("kind", "").trim();
        String note = System.getProperty("note", "").strip();
        if (!KINDS.contains(kind)) {
            exit(BAD_INPUT, "-Dkind must be ack or action, got '" + kind + "'");
        }
        if (note.isEmpty() || note.contains("\n")) {
            exit(BAD_INPUT, "-Dnote must be one line saying what was done, e.g. -Dnote=\"rolled back to v1\"");
        }
        int port = port();
        URI uri = URI.create("http://127.0.0.1:" + port + "/drill/" + kind);
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(note)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                exit(BAD_INPUT, uri + " answered " + response.statusCode() + ": " + response.body().strip());
            }
            System.out.println("salerush: " + response.body().strip());
        } catch (IOException e) {
            exit(NO_RECEIVER, "no drill receiver answers on 127.0.0.1:" + port + " (" + e.getClass().getSimpleName()
                    + "): is a drill running, with this -Dport (drills.external.receiver.port)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit(NO_RECEIVER, "interrupted");
        }
    }

    private static int port() {
        String given = System.getProperty("port", "").trim();
        if (!given.isEmpty()) {
            try {
                int port = Integer.parseInt(given);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            exit(BAD_INPUT, "-Dport must be a port number (1-65535), got '" + given + "'");
        }
        try {
            return ConfigLoader.loadWithoutSecrets().drills().external().receiverPort();
        } catch (ConfigError e) {
            exit(BAD_INPUT, "configuration error: " + e.getMessage() + " (or give -Dport=<receiver port>)");
            return 0;
        }
    }

    private static void exit(int status, String message) {
        System.err.println("salerush: " + message);
        System.exit(status);
    }
}
