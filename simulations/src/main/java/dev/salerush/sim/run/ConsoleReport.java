package dev.salerush.sim.run;

import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.WarmupCount;
import dev.salerush.sim.config.SloSource;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.stress.StepResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-screen text summary printed at the end of a run: per-request figures, the SLO table and the verdict. */
public final class ConsoleReport {
    private static final String ROW = "%-28s %8s %7s %8s %6s %6s %6s %6s %6s %7s%n";

    private ConsoleReport() {
    }

    public static String render(RunSummary summary, String reportLocation) {
        StringBuilder out = new StringBuilder();
        String rule = "=".repeat(104) + "\n";
        out.append(rule);
        out.append(String.format("salerush run %s  profile=%s  target=%s%s%n", summary.runId(), summary.profile(),
                summary.target().baseUrl(), summary.embedded() ? " (embedded)" : ""));
        out.append(String.format("status=%s%s%n", summary.status(),
                summary.failure() == null ? "" : "  failure: " + summary.failure()));
        if (summary.global() != null) {
            out.append("exact response times (ms, HdrHistogram of every response)\n");
            out.append(String.format(ROW, "request", "count", "ko%", "rps", "p50", "p90", "p95", "p99", "p99.9", "max"));
            for (Map.Entry<String, LatencyStats> entry : summary.requests().entrySet()) {
                out.append(row(entry.getKey(), entry.getValue()));
            }
            out.append(row("ALL", summary.global()));
        }
        out.append(stallLine(summary.injector()));
        out.append(warmupLine(summary.warmup()));
        if (summary.slo() != null && !summary.slo().isEmpty()) {
            out.append("SLOs").append(summary.sloSource() == null ? "" : " (" + summary.sloSource() + ")").append('\n');
            if (SloSource.DEMO_DEFAULTS.label().equals(summary.sloSource()) && !summary.embedded()) {
                out.append("WARNING: ").append(SloSource.DEMO_WARNING).append('\n');
            }
            for (SloResult slo : summary.slo()) {
                out.append(String.format("  %-4s %-28s %-10s %-20s actual %-10s threshold %s%s%n",
                        slo.passed() ? "PASS" : "FAIL", slo.name(), slo.metric(),
                        slo.request() == null ? "(all requests)" : slo.request(),
                        slo.actual() == null ? "n/a" : Numbers.fixed(slo.actual()), Numbers.fixed(slo.threshold()),
                        slo.note() == null ? "" : "  (" + slo.note() + ")"));
            }
        }
        if (summary.integrity() != null) {
            out.append(integritySection(summary.integrity()));
        }
        if (summary.drills() != null) {
            summary.drills().forEach(drill -> out.append(drillSection(drill)));
        }
        if (summary.steps() != null) {
            out.append(stressSection(summary));
        }
        if (summary.serverProblems() != null && !summary.serverProblems().isEmpty()) {
            out.append("server metrics: ").append(String.join("; ", summary.serverProblems())).append('\n');
        }
        if (summary.regression() != null) {
            out.append(String.format("REGRESSION: %s — %s%n", summary.regression().verdict().label(),
                    summary.regression().message()));
        }
        out.append(String.format("VERDICT: %s%n", summary.verdict().label()));
        out.append("results: ").append(reportLocation).append('\n');
        out.append(rule);
        return out.toString();
    }

    /** The warm-up's requests: the target served them, the figures above leave them out. */
    private static String warmupLine(WarmupCount.Figures warmup) {
        if (warmup == null || warmup.requests() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "warm-up: %d requests sent in %s s (%s users/s), served by the target and in"
                        + " none of the figures above%n", warmup.requests(), Numbers.fixed(warmup.duringSeconds()),
                Numbers.fixed(warmup.usersPerSec()));
    }

    /** Beside the percentiles: the injector's stalls, and a warning when they exceeded their bound. */
    private static String stallLine(InjectorHealth.Figures injector) {
        if (injector == null || injector.stallMaxMs() == null) {
            return "";
        }
        if (injector.stallWarning() != null) {
            return "INJECTOR STALLED: " + injector.stallWarning() + "\n";
        }
        return String.format("injector stalls (how late its probe thread woke): p99 %s ms, max %s ms, within the bound"
                        + " of %s ms%n", Numbers.fixed(injector.stallP99Ms(), 1), Numbers.fixed(injector.stallMaxMs(), 1),
                Numbers.fixed(injector.stallBoundMs(), 1));
    }

    private static String integritySection(IntegrityReport integrity) {
        StringBuilder out = new StringBuilder(String.format("order integrity: %s — %s%n",
                integrity.verdict().label(), integrity.reason()));
        for (IntegrityCheck check : integrity.checks()) {
            out.append(String.format("  %-10s %-38s %s%s%n", check.status().toUpperCase(Locale.ROOT), check.name(),
                    check.detail(), check.offendingIds().isEmpty() ? "" : ": " + String.join(", ", check.offendingIds())));
        }
        return out.toString();
    }

    /**
     * One drill: its verdict, the response intervals from the fault, what detected it with the rule parameters the
     * detection time depends on, and every pass criterion.
     */
    /** A value that could not be read (a team's Prometheus not asked, a drill aborted first) is unknown, not "null". */
    private static String known(Object value) {
        if (value instanceof Map<?, ?> byName) {
            return byName.entrySet().stream().map(e -> e.getKey() + "=" + known(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
        return value == null ? "—" : String.valueOf(value);
    }

    private static String drillSection(Map<String, Object> drill) {
        StringBuilder out = new StringBuilder(String.format("DRILL %s: %s%s%n", drill.get("name"),
                String.valueOf(drill.get("verdict")).toUpperCase(Locale.ROOT),
                drill.get("verdictReason") == null ? "" : " — " + drill.get("verdictReason")));
        boolean noticeMeasured = !(drill.get("detection") instanceof Map<?, ?> d)
                || !Boolean.FALSE.equals(d.get("noticeMeasured"));
        out.append(String.format("  TTD %s s  TTN %s  TTFA %s s  TTM %s s  TTR %s s%n", seconds(drill, "ttdSeconds"),
                noticeMeasured ? seconds(drill, "ttnSeconds") + " s" : "not measured (no receiver)",
                seconds(drill, "ttfaSeconds"), seconds(drill, "ttmSeconds"), seconds(drill, "ttrSeconds")));
        if (drill.get("detection") instanceof Map<?, ?> detection) {
            if ("external".equals(detection.get("environment")) || "human".equals(detection.get("responder"))) {
                out.append(String.format("  environment %s, responder %s%n", detection.get("environment"),
                        detection.get("responder")));
            }
            out.append(String.format("  detected by %s (scrape %s s, evaluation %s s, for %s, group wait %s s, "
                            + "responder delay %s s)%n", drill.get("detectedBy") == null ? "nothing"
                            : drill.get("detectedBy"), known(detection.get("scrapeIntervalSeconds")),
                    known(detection.get("evaluationIntervalSeconds")), known(detection.get("forSeconds")),
                    known(detection.get("groupWaitSeconds")), known(detection.get("responseDelaySeconds"))));
        }
        if (drill.get("criteria") instanceof List<?> criteria) {
            for (Object item : criteria) {
                if (item instanceof Map<?, ?> c) {
                    out.append(String.format("  %-4s %-22s %-60s %s%n", Boolean.TRUE.equals(c.get("passed")) ? "PASS"
                            : "FAIL", c.get("name"), c.get("required"), c.get("actual")));
                }
            }
        }
        return out.toString();
    }

    private static String seconds(Map<String, Object> drill, String key) {
        return drill.get(key) instanceof Number n ? Numbers.fixed(n.doubleValue(), 1) : "—";
    }

    private static String stressSection(RunSummary summary) {
        StringBuilder out = new StringBuilder("stress steps (rps; inj.stall: the injector's longest stall; server CPU and"
                + " pool waits from /metrics)\n");
        out.append(String.format("  %-6s %9s %9s %9s %6s %6s %7s %5s %8s %10s %8s %8s%n", "step", "offered", "sent",
                "achieved", "p50", "p95", "ko%", "SLO", "inj.cpu", "inj.stall", "srv.cpu", "pending"));
        for (StepResult step : summary.steps()) {
            ServerAggregate server = step.server();
            out.append(String.format(Locale.ROOT, "  %-6s %9.1f %9.1f %9.1f %6s %6s %7.2f %5s %8s %10s %8s %8s%n",
                    step.isProbe() ? "p" + step.probe() : String.valueOf(step.step()),
                    step.offeredRps(), step.sentRps(), step.achievedRps(), value(step.p50Ms()), value(step.p95Ms()),
                    step.koPercent(), step.metSlo() ? "met" : "FAIL",
                    step.injectorCpu() == null ? "-" : String.format(Locale.ROOT, "%.2f", step.injectorCpu()),
                    step.stallMaxMs() == null ? "-" : Numbers.fixed(step.stallMaxMs(), 1) + " ms",
                    server == null || server.processCpuMean() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * server.processCpuMean()),
                    server == null || server.poolPendingMax() == null ? "-" : pending(server)));
        }
        out.append("breaking point: ").append(summary.breakingPoint().rps() == null ? "none"
                : Numbers.fixed(summary.breakingPoint().rps()) + " rps").append(" — ").append(summary.breakingPoint().reason()).append('\n');
        if (summary.endedBy() != null) {
            out.append("staircase ended by: ").append(summary.endedBy()).append(" — ").append(summary.stoppedEarly())
                    .append('\n');
        }
        out.append("knee: ").append(summary.knee().rps() == null ? "none" : Numbers.fixed(summary.knee().rps()) + " rps")
                .append(" — ").append(summary.knee().reason()).append('\n');
        if (Boolean.TRUE.equals(summary.injectorBound())) {
            out.append("INJECTOR-BOUND: ").append(String.join("; ", summary.injectorEvidence())).append('\n');
        }
        return out.toString();
    }

    private static String pending(ServerAggregate server) {
        return server.poolPendingMax().values().stream().filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().stream().mapToObj(max -> String.valueOf((long) max)).findFirst().orElse("-");
    }

    private static String row(String name, LatencyStats s) {
        return String.format(ROW, abbreviate(name), s.count(), Numbers.fixed(s.koPercent()), Numbers.fixed(s.rps()),
                value(s.p50Ms()), value(s.p90Ms()), value(s.p95Ms()), value(s.p99Ms()), value(s.p999Ms()), value(s.maxMs()));
    }

    private static String abbreviate(String name) {
        return name.length() <= 28 ? name : name.substring(0, 27) + "…";
    }

    private static String value(Long millis) {
        return millis == null ? "-" : millis.toString();
    }
}
