package dev.salerush.sim.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drills.external}: a team's own staging, drilled through its own alerting.
 *
 * @param prometheusUrl   the team's Prometheus: its alerts are polled, its rules and Alertmanagers checked
 * @param alertmanagerUrl the team's Alertmanager (its {@code group_wait}, its route to the receiver); empty = not asked
 * @param headers         sent to Prometheus and Alertmanager; values from environment variables, never printed
 * @param receiverAddress where the drill receiver listens (127.0.0.1 unless the team's Alertmanager is elsewhere)
 * @param receiverPort    the drill receiver: notices ({@code POST /alerts}) and a person's ack and first action
 * @param allowedHosts    the hosts {@code http} steps may call
 */
public record ExternalDrills(URI prometheusUrl, Optional<URI> alertmanagerUrl, Map<String, String> headers,
                             String receiverAddress, int receiverPort, List<String> allowedHosts) {
    public ExternalDrills {
        headers = Map.copyOf(headers);
        allowedHosts = List.copyOf(allowedHosts);
    }

    @Override
    public String toString() {
        // header values may be tokens: their names only
        return "ExternalDrills[prometheus=" + prometheusUrl + ", alertmanager=" + alertmanagerUrl.map(URI::toString)
                .orElse("none") + ", headers=" + headers.keySet() + ", receiver=" + receiverAddress + ":"
                + receiverPort + ", allowedHosts=" + allowedHosts + "]";
    }
}
