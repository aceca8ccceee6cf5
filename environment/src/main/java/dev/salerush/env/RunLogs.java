package dev.salerush.env;

import java.nio.file.Path;

/**
 * Where the processes of the embedded environment write their logs (files of the run folder, named by the suite).
 * The redundant topology's parts log next to the shop's: {@code shop-1.log}, ..., {@code load-balancer.log}.
 */
public record RunLogs(Path shop, Path gateway) {

    /** The log of one shop instance of the redundant topology, e.g. {@code shop-2.log}. */
    public Path instance(String name) {
        return shop.resolveSibling(name + ".log");
    }

    public Path loadBalancer() {
        return shop.resolveSibling("load-balancer.log");
    }
}
