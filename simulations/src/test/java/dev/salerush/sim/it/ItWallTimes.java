package dev.salerush.sim.it;

import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints how long each integration-test class of the build took, slowest first, so the next slow test is seen at
 * once. Bound to {@code post-integration-test} of the last module (simulations/pom.xml): it reads every module's
 * failsafe reports under the project root ({@code <module>/target/failsafe-reports/TEST-*.xml}), whose suite
 * {@code time} is the class's wall time, set-up included.
 */
public final class ItWallTimes {
    record ClassTime(String className, double seconds) {
    }

    private ItWallTimes() {
    }

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : GatlingProcess.PROJECT_ROOT;
        List<ClassTime> times = read(root);
        System.out.print(render(times));
    }

    /** Every IT class's wall time found in the modules' failsafe reports, slowest first. */
    static List<ClassTime> read(Path root) throws IOException {
        List<ClassTime> times = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path reports : modules.map(module -> module.resolve("target/failsafe-reports"))
                    .filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(reports)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                        times.add(parse(file));
                    }
                }
            }
        }
        times.sort(Comparator.comparingDouble(ClassTime::seconds).reversed());
        return times;
    }

    static String render(List<ClassTime> times) {
        StringBuilder out = new StringBuilder("IT wall times\n");
        for (ClassTime time : times) {
            String simpleName = time.className().substring(time.className().lastIndexOf('.') + 1);
            out.append(String.format(Locale.ROOT, "%s %.0f s%n", simpleName, time.seconds()));
        }
        out.append(String.format(Locale.ROOT, "(%d IT classes, %.0f s in all)%n", times.size(),
                times.stream().mapToDouble(ClassTime::seconds).sum()));
        return out.toString();
    }

    private static ClassTime parse(Path report) {
        try {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getDocumentElement();
            return new ClassTime(suite.getAttribute("name"),
                    Double.parseDouble(suite.getAttribute("time").replace(",", "")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the failsafe report " + report + ": " + e.getMessage(), e);
        }
    }
}
