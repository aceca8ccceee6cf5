package dev.salerush.sim.config;

/**
 * One service-level objective: {@code metric <= threshold}, over all requests or over one request name.
 *
 * @param request the request name it applies to, or {@code null} for all requests together
 */
public record Slo(String name, SloMetric metric, double threshold, String request) {

    static Slo from(ConfigReader slo) {
        String name = slo.nonBlank("name");
        SloMetric metric = SloMetric.fromKey(slo.string("metric"), slo.key("metric"));
        double threshold = metric == SloMetric.KO_PERCENT
                ? slo.numberInRange("threshold", 0, 100)
                : slo.positiveNumber("threshold", 3_600_000);
        String request = slo.has("request") ? slo.nonBlank("request") : null;
        return new Slo(name, metric, threshold, request);
    }

    public String scope() {
        return request == null ? "all requests" : request;
    }
}
