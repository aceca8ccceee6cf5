package dev.salerush.sim.run;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.sim.drills.Drills;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment as summary.json's {@code environment} shows it, with its alerting stack and the operations performed. */
final class EnvironmentDescription {
    private EnvironmentDescription() {
    }

    /**
     * Described while the parts still run: which instances are alive at the end is a result too. {@code drills} is
     * null for a run without drills; {@code performed} is null for a run without scheduled operations.
     */
    static Map<String, Object> of(SaleEnvironment environment, Drills drills,
                                  List<OperationRunner.Outcome> performed) {
        Map<String, Object> described = new LinkedHashMap<>(environment.describe());
        if (drills != null) {
            described.put("alerting", drills.describe());
        }
        if (performed != null) {
            described.put("operations", performed.stream().map(EnvironmentDescription::operation).toList());
        }
        return described;
    }

    private static Map<String, Object> operation(OperationRunner.Outcome outcome) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("name", outcome.scheduled().operation().configName());
        operation.put("argument", outcome.scheduled().argument());
        operation.put("startedAt", outcome.startedAt().toString());
        operation.put("endedAt", outcome.endedAt().toString());
        operation.put("succeeded", outcome.succeeded());
        if (!outcome.succeeded()) {
            operation.put("failure", outcome.failure());
        }
        return operation;
    }
}
