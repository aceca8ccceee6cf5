package dev.salerush.shop;

import dev.salerush.shop.config.ShopSettings;
import dev.salerush.shop.lifecycle.ParentWatch;
import io.javalin.util.JavalinBindException;
import java.net.BindException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the demo shop process. Exit codes: 0 stopped normally, 1 failed to start, 2 bad arguments,
 * 3 the port was taken (the launcher retries with another one).
 */
public final class ShopMain {

    public static final int EXIT_START_FAILED = 1;
    public static final int EXIT_BAD_ARGS = 2;
    public static final int EXIT_PORT_TAKEN = 3;

    /** The shop's logging configuration (INFO, console, no per-request lines); not at the classpath root on purpose. */
    public static final String LOGBACK_CONFIG = "dev/salerush/shop/logback.xml";

    private ShopMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(ShopSettings.usage());
            return;
        }
        ShopSettings settings;
        try {
            settings = ShopSettings.fromArgs(args, System.getenv(ShopSettings.PASSWORD_ENV));
        } catch (IllegalArgumentException e) {
            System.err.println("demo-shop: bad arguments:\n  " + e.getMessage().replace("\n", "\n  "));
            System.err.println();
            System.err.println(ShopSettings.usage());
            System.exit(EXIT_BAD_ARGS);
            return;
        }
        ParentWatch.start(settings.parentPid(), settings.exitOnStdinEof(), "demo-shop");

        Logger log = LoggerFactory.getLogger(ShopMain.class);
        log.info("Starting demo shop: {}", settings);
        ShopServer server;
        try {
            server = ShopServer.start(settings);
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                log.error("Port {} is already in use on {}", settings.port(), ShopServer.HOST);
                System.exit(EXIT_PORT_TAKEN);
            }
            log.error("Startup failure", e);
            // Last line on purpose: the launcher shows the tail of this log.
            log.error("Demo shop failed to start: {}", rootMessage(e));
            System.exit(EXIT_START_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping demo shop");
            server.close();
        }, "demo-shop-shutdown"));
        log.info("Demo shop listening on http://{}:{}", ShopServer.HOST, server.port());
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JavalinBindException || t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
    }
}
