package dev.salerush.sim.staging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;

/**
 * What a team's drills need to know of a standing staging, as its info file and {@code GET <opsUrl>} give it. Field
 * order is the JSON's.
 *
 * @param baseUrl         the load balancer: where load goes
 * @param opsUrl          {@code POST} one operation; {@code GET} this info
 * @param gatewayAdminUrl the WireMock payment gateway; its admin API is under {@code /__admin}
 * @param dbUrl           the JDBC URL the drill runs' order integrity check reads (primary and standby, multi-host)
 * @param pid             the staging's own JVM: {@code kill -TERM} it to stop everything
 * @param dir             the folder of its logs and events log
 * @param events          the events log ({@code events.jsonl}): every operation's start and end
 */
record StagingInfo(String baseUrl, String prometheusUrl, String alertmanagerUrl, String opsUrl,
                   String gatewayAdminUrl, String dbUrl, String dbUser, String dbPassword, long pid, String dir,
                   String events, List<Instance> instances) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One shop instance behind the load balancer.
     *
     * @param pid     the OS process id of its running process; null while it is not running (killed, stopped)
     * @param version the version it runs, e.g. {@code v1} or {@code v2:broken-orders}
     */
    record Instance(String name, Long pid, int port, String version, boolean running) {
    }

    StagingInfo {
        instances = List.copyOf(instances);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the staging's info as JSON", e);
        }
    }
}
