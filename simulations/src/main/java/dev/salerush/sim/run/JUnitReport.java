package dev.salerush.sim.run;

import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.metrics.SloResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The run's checks as a JUnit XML report ({@code junit.xml}), which every CI system can display: one test case per
 * SLO, one per order-integrity check, plus one for the run itself when it did not complete.
 */
public final class JUnitReport {
    public static final String FILE = "junit.xml";

    private JUnitReport() {
    }

    public static void write(RunSummary summary, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            List<IntegrityCheck> checks = summary.integrity() == null ? List.of() : summary.integrity().checks();
            long failures = summary.slo().stream().filter(slo -> !slo.passed()).count()
                    + checks.stream().filter(JUnitReport::failed).count()
                    + (summary.failure() == null ? 0 : 1);
            long skipped = checks.stream().filter(check -> IntegrityCheck.SKIPPED.equals(check.status())).count();
            int tests = summary.slo().size() + checks.size() + (summary.failure() == null ? 0 : 1);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "salerush." + summary.profile());
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("timestamp", summary.startedAt());
            if (summary.failure() != null) {
                testCase(xml, "run " + summary.runId(), summary.failure());
            }
            for (SloResult slo : summary.slo()) {
                testCase(xml, slo.name() + " (" + slo.metric() + " <= " + number(slo.threshold()) + ", "
                        + (slo.request() == null ? "all requests" : slo.request()) + ")", slo.passed() ? null : message(slo));
            }
            for (IntegrityCheck check : checks) {
                integrityCase(xml, check);
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

    private static void testCase(XMLStreamWriter xml, String name, String failure) throws XMLStreamException {
        testCase(xml, "salerush.slo", name, failure);
    }

    private static boolean failed(IntegrityCheck check) {
        return !check.passed() && !IntegrityCheck.SKIPPED.equals(check.status());
    }

    /** A violated or incomplete check is a failure (with its offending ids), a skipped one is skipped. */
    private static void integrityCase(XMLStreamWriter xml, IntegrityCheck check) throws XMLStreamException {
        if (!IntegrityCheck.SKIPPED.equals(check.status())) {
            testCase(xml, "salerush.integrity", check.name(), failed(check) ? check.detail()
                    + (check.offendingIds().isEmpty() ? "" : ": " + String.join(", ", check.offendingIds())) : null);
            return;
        }
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "salerush.integrity");
        xml.writeAttribute("name", check.name());
        xml.writeStartElement("skipped");
        xml.writeAttribute("message", check.detail());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, String className, String name, String failure) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        if (failure != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", failure);
            xml.writeCharacters(failure);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String message(SloResult slo) {
        return slo.actual() == null
                ? "not measured: " + slo.note()
                : "actual " + number(slo.actual()) + " > threshold " + number(slo.threshold());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
