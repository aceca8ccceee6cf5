package dev.salerush.env.it;

import dev.salerush.env.demo.GatewaySettings;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.env.process.ProcessOptions;
import java.nio.file.Path;

/** A parent JVM for the orphan test: starts a gateway, prints its pid, then waits to be killed. */
public final class OrphanParentMain {

    private OrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        PaymentGatewayProcess gateway = PaymentGatewayProcess.start(GatewaySettings.DEFAULTS,
                ProcessOptions.of(Path.of(args[0])).withHeap("128m"));
        System.out.println("CHILD_PID=" + gateway.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
