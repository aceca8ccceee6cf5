package dev.salerush.sim.env;

import java.net.URI;
import java.util.Map;

/** The service a run sends load to: the embedded sale environment or a team's own service. */
public interface SaleEnvironment extends AutoCloseable {

    URI baseUrl();

    boolean embedded();

    /** Facts about the environment for the run summary (never credentials). */
    Map<String, Object> describe();

    /** Stops whatever the suite started; idempotent and never throws. */
    @Override
    void close();
}
