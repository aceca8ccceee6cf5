package dev.salerush.sim.report;

import dev.salerush.sim.drills.DrillVerdict;
import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.regression.RegressionGate;
import dev.salerush.sim.regression.RegressionResult;
import dev.salerush.sim.results.RunSummary;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's checks as a JUnit XML report ({@code junit.xml}), which every CI system can display: one test case per
 * SLO, per order-integrity check, per drill criterion and per regression check, plus one for the run itself when it
 * did not complete.
 */
public final class JUnitReport {
    /** One test case: {@code failure} is null when it passed, {@code skipped} says why it was not judged. */
    private record Case(String suite, String name, String failure, String skipped) {
    }

    private JUnitReport() {
    }

    public static void write(RunSummary summary, Path file) {
        List<Case> cases = cases(summary);
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "salerush." + summary.profile());
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> c.failure() != null).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.skipped() != null).count()));
            xml.writeAttribute("timestamp", summary.startedAt());
            for (Case c : cases) {
                testCase(xml, c);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static List<Case> cases(RunSummary summary) {
        List<Case> cases = new ArrayList<>();
        if (summary.failure() != null) {
            cases.add(new Case("salerush.slo", "run " + summary.runId(), summary.failure(), null));
        }
        for (SloResult slo : summary.slo()) {
            cases.add(new Case("salerush.slo", slo.name() + " (" + slo.metric() + " <= " + Numbers.fixed(slo.threshold(), 3) + ", "
                    + (slo.request() == null ? "all requests" : slo.request()) + ")", slo.passed() ? null : message(slo),
                    null));
        }
        if (summary.integrity() != null && summary.integrity().checks().isEmpty()) {
            // skipped as a whole (no database access, a team simulation without integrity queries): CI shows why
            cases.add(new Case("salerush.integrity", "order integrity", null, summary.integrity().reason()));
        } else if (summary.integrity() != null) {
            summary.integrity().checks().forEach(check -> cases.add(integrityCase(check)));
        }
        if (summary.drills() != null) {
            summary.drills().forEach(drill -> cases.addAll(drillCases(drill)));
        }
        RegressionResult regression = summary.regression();
        if (regression != null && regression.baselineRunId() == null) {
            cases.add(new Case("salerush.regression", "regression gate", null, regression.message()));
        } else if (regression != null) {
            for (RegressionResult.Check check : regression.checks()) {
                cases.add(new Case("salerush.regression", check.metric()
                        + (check.request() == null ? " (all requests)" : " (" + check.request() + ")")
                        + " vs baseline " + regression.baselineRunId(),
                        check.passed() ? null : RegressionGate.describe(check) + " vs baseline run "
                                + regression.baselineRunId(), null));
            }
        }
        return cases;
    }

    /**
     * One case per pass criterion of a drill, and a failed one for a drill that was aborted or inconclusive (summary.json
     * drills[]): a drill that proved nothing is not a pass, and a skipped case would read as "not run" in most CIs.
     */
    private static List<Case> drillCases(Map<String, Object> drill) {
        String suite = "salerush.drill." + drill.get("name");
        List<Case> cases = new ArrayList<>();
        Object verdict = drill.get("verdict");
        if (DrillVerdict.ABORTED.json().equals(verdict) || DrillVerdict.INCONCLUSIVE.json().equals(verdict)) {
            cases.add(new Case(suite, "drill " + drill.get("name"), verdict + ": " + drill.get("verdictReason"), null));
        }
        if (drill.get("criteria") instanceof List<?> criteria) {
            for (Object item : criteria) {
                if (item instanceof Map<?, ?> criterion) {
                    boolean passed = Boolean.TRUE.equals(criterion.get("passed"));
                    cases.add(new Case(suite, criterion.get("name") + ": " + criterion.get("required"),
                            passed ? null : "actual: " + criterion.get("actual"), null));
                }
            }
        }
        return cases;
    }

    /** A violated or incomplete check is a failure naming its offending ids; a skipped one is skipped. */
    private static Case integrityCase(IntegrityCheck check) {
        if (IntegrityCheck.SKIPPED.equals(check.status())) {
            return new Case("salerush.integrity", check.name(), null, check.detail());
        }
        return new Case("salerush.integrity", check.name(), check.passed() ? null : check.detail()
                + (check.offendingIds().isEmpty() ? "" : ": " + String.join(", ", check.offendingIds())), null);
    }

    private static void testCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", c.suite());
        xml.writeAttribute("name", c.name());
        if (c.failure() != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", c.failure());
            xml.writeCharacters(c.failure());
            xml.writeEndElement();
        }
        if (c.skipped() != null) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", c.skipped());
        }
        xml.writeEndElement();
    }

    private static String message(SloResult slo) {
        return slo.actual() == null
                ? "not measured: " + slo.note()
                : "actual " + Numbers.fixed(slo.actual(), 3) + " > threshold " + Numbers.fixed(slo.threshold(), 3);
    }
}
