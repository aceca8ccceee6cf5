package dev.salerush.env.demo;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.LaunchedProcess;
import dev.salerush.env.process.ProcessOptions;
import dev.salerush.shop.gateway.PaymentGatewayMain;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The payment gateway: WireMock standalone as its own OS process on 127.0.0.1, with the approval and void stubs of
 * {@code dev/salerush/shop/gateway/payments-approved.json} and {@code payments-void.json} (log-normal latency from the
 * settings) written into its root directory. Its classpath is the wiremock-standalone jar plus demo-shop's own classes
 * (for the orphan-safe {@link PaymentGatewayMain}); nothing else. Faults are switched at runtime through {@link #admin()}; the shop's
 * --gateway-url points to {@link #baseUrl()}.
 */
public final class PaymentGatewayProcess extends LaunchedProcess<GatewaySettings> {

    /** Id of the approval stub (stable, so drills can edit it with PUT /__admin/mappings/{id}). */
    public static final String APPROVAL_STUB_ID = "5a1e2a5b-0000-4000-8000-000000000001";
    /** Id of the void stub ({@code POST /v1/payments/void}). */
    public static final String VOID_STUB_ID = "5a1e2a5b-0000-4000-8000-000000000002";
    private static final String STUB_FOLDER = "/dev/salerush/shop/gateway/";
    private static final List<String> STUB_FILES = List.of("payments-approved.json", "payments-void.json");

    private final GatewayAdmin admin;

    private PaymentGatewayProcess(ChildProcess child, GatewaySettings settings) {
        super(child, settings);
        this.admin = new GatewayAdmin(URI.create(baseUrl()));
    }

    /**
     * Starts WireMock and waits until {@code /__admin/health} answers 200.
     *
     * @throws LaunchException it exited or did not become healthy in time; the message has its log tail
     */
    public static PaymentGatewayProcess start(GatewaySettings settings, ProcessOptions options) {
        Path rootDir = WiremockLauncher.rootDir(options);
        writeStubs(rootDir, settings);
        return WiremockLauncher.start("payment gateway", settings.port(), rootDir, options, List.of(
                        "--max-request-journal-entries", Integer.toString(settings.maxRequestJournalEntries()),
                        "--container-threads", Integer.toString(settings.containerThreads()),
                        "--async-response-enabled", "true",
                        "--async-response-threads", "32",
                        "--disable-request-logging",
                        "--disable-gzip"),
                (child, port) -> new PaymentGatewayProcess(child, settings.withPort(port)));
    }

    /** Writes the stubs with the configured latency into {@code <root>/mappings}, replacing whatever was there. */
    private static void writeStubs(Path rootDir, GatewaySettings settings) {
        Path mappings = WiremockLauncher.emptyMappings(rootDir);
        try {
            for (String file : STUB_FILES) {
                Files.writeString(mappings.resolve(file), stub(file, settings), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot write the gateway stubs under " + rootDir + ": " + e, e);
        }
    }

    private static String stub(String file, GatewaySettings settings) {
        String resource = STUB_FOLDER + file;
        String template;
        try (InputStream in = PaymentGatewayProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LaunchException("stub resource " + resource + " is missing from the classpath");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("cannot read " + resource + ": " + e, e);
        }
        return template
                .replace("${medianMs}", Long.toString(settings.medianLatency().toMillis()))
                .replace("${sigma}", String.format(Locale.ROOT, "%.4f", settings.latencySigma()));
    }

    /** {@code http://127.0.0.1:<port>/__admin}: WireMock's admin API (mappings, requests journal, settings). */
    public String adminUrl() {
        return baseUrl() + "/__admin";
    }

    /** Runtime fault switching and the request journal. */
    public GatewayAdmin admin() {
        return admin;
    }
}
