package dev.salerush.env.redundant;

import dev.salerush.env.ops.ShopVersion;
import dev.salerush.env.demo.DemoShopProcess;

/**
 * One shop instance behind the load balancer: its name there ({@code shop-1}, ...), the port it keeps across
 * restarts, the version it runs and its current process (null while it is stopped or after a kill).
 */
public final class ShopInstance {
    private final String name;
    private final int port;
    private ShopVersion version;
    private DemoShopProcess process;

    ShopInstance(String name, int port, ShopVersion version, DemoShopProcess process) {
        this.name = name;
        this.port = port;
        this.version = version;
        this.process = process;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public synchronized ShopVersion version() {
        return version;
    }

    /** Whether its process runs (a killed instance does not, until it is restarted). */
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized DemoShopProcess process() {
        return process;
    }

    synchronized void replaced(DemoShopProcess newProcess, ShopVersion newVersion) {
        this.process = newProcess;
        this.version = newVersion;
    }

    /** The OS process id of its running process; -1 while it is stopped or after it died (killed, crashed). */
    public synchronized long pid() {
        return running() ? process.pid() : -1;
    }

    @Override
    public synchronized String toString() {
        return name + " (" + version + ", 127.0.0.1:" + port + (running() ? ", pid " + pid() : ", stopped") + ")";
    }
}
