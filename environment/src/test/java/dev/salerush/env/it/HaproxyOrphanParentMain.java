package dev.salerush.env.it;

import dev.salerush.env.lb.HaproxyProcess;
import dev.salerush.env.lb.HaproxySettings;
import dev.salerush.env.process.FreePorts;
import dev.salerush.env.process.ProcessOptions;
import java.nio.file.Path;
import java.util.List;

/** A parent JVM for the load balancer's orphan test: starts HAProxy, prints its pid, then waits to be killed. */
public final class HaproxyOrphanParentMain {

    private HaproxyOrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        HaproxyProcess lb = HaproxyProcess.start(
                HaproxySettings.defaults(List.of(new HaproxySettings.Server("s1", FreePorts.pick()))),
                ProcessOptions.of(Path.of(args[0])));
        System.out.println("HAPROXY_PID=" + lb.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
