package dev.salerush.env.redundant;

import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.lb.HaproxyRuntime;
import dev.salerush.env.lb.HaproxyRuntime.AdminState;
import dev.salerush.env.lb.HaproxyRuntime.Status;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.ShopVersion;
import dev.salerush.env.process.FreePorts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shop instances behind the load balancer and what can happen to them: a crash (SIGKILL), a restart, a
 * replacement, one more instance, a rolling deploy of another version and its rollback. Each instance keeps its name
 * and port across replacements, so the load balancer's server line stays the same; the load balancer learns of
 * changes through its runtime API and its health checks. Every step goes to the event log.
 */
public final class ShopFleet {
    /** The step an instance's start ends with: from here on it takes traffic (a deploy's new version serves). */
    public static final String UP_AT_LOAD_BALANCER = "UP at the load balancer";
    /** Starts one shop process: the fleet decides name, version and port, the environment how to launch it. */
    @FunctionalInterface
    public interface Launcher {
        DemoShopProcess launch(String name, ShopVersion version, int port);
    }

    /** How long a drained instance may keep its sessions, and how long a started one may take to be UP. */
    public record Timeouts(Duration drain, Duration up) {
    }

    private final Launcher launcher;
    private final EventLog events;
    private final Timeouts timeouts;
    private final List<ShopInstance> instances = new CopyOnWriteArrayList<>();
    private final Deque<ShopVersion> deployed = new ArrayDeque<>();
    /** Counts rolling deploys and rollbacks (guarded by this): a deploy stops once it is no longer the latest. */
    private long generation;
    private volatile HaproxyRuntime loadBalancer;

    private ShopFleet(Launcher launcher, EventLog events, Timeouts timeouts, ShopVersion version) {
        this.launcher = launcher;
        this.events = events;
        this.timeouts = timeouts;
        this.deployed.push(version);
    }

    /**
     * Starts {@code count} instances of {@code version} in parallel ({@code shop-1} ...). A failure stops none of
     * the others: each started one is already in the caller's cleanup through the launcher.
     */
    public static ShopFleet start(int count, ShopVersion version, Launcher launcher, EventLog events,
                                  Timeouts timeouts) {
        ShopFleet fleet = new ShopFleet(launcher, events, timeouts, version);
        List<CompletableFuture<ShopInstance>> starting = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "shop-" + i;
            int port = FreePorts.pick();
            starting.add(CompletableFuture.supplyAsync(() ->
                    new ShopInstance(name, port, version, launcher.launch(name, version, port)), task -> {
                Thread thread = new Thread(task, "start-" + name);
                thread.setDaemon(true);
                thread.start();
            }));
        }
        RuntimeException failure = null;
        for (CompletableFuture<ShopInstance> instance : starting) {
            try {
                fleet.instances.add(instance.join());
            } catch (CompletionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return fleet;
    }

    /** From now on the fleet tells this load balancer about its changes. */
    void attach(HaproxyRuntime runtime) {
        this.loadBalancer = runtime;
    }

    public List<ShopInstance> instances() {
        return List.copyOf(instances);
    }

    /** The version most instances were last deployed with. */
    public synchronized ShopVersion currentVersion() {
        return deployed.peek();
    }

    /** SIGKILL: the process is gone at once, requests in flight on it are cut, the load balancer finds out itself. */
    public void kill(String name) {
        ShopInstance instance = instance(name, true);
        synchronized (instance) {
            DemoShopProcess process = running(instance);
            long pid = process.pid();
            process.kill();
            step(instance, "SIGKILL to pid " + pid + " (" + instance.version() + ")");
        }
    }

    /** Starts a stopped (or killed) instance again, same version, same port. */
    public void restart(String name) {
        ShopInstance instance = instance(name, false);
        synchronized (instance) {
            if (instance.running()) {
                throw new OperationFailedException(instance.name() + " is running; kill it first or replace it");
            }
            start(instance, instance.version());
        }
    }

    /** Drains the instance, waits for its sessions to end, stops it and starts {@code version} in its place. */
    public void replace(String name, ShopVersion version) {
        ShopInstance instance = instance(name, false);
        synchronized (instance) {
            HaproxyRuntime lb = loadBalancer();
            if (instance.running()) {
                lb.setState(instance.name(), AdminState.DRAIN);
                step(instance, "draining");
                try {
                    lb.awaitServer(instance.name(), s -> s.sessions() == 0, timeouts.drain());
                    step(instance, "drained: no session left");
                } catch (HaproxyRuntime.RuntimeApiException e) {
                    step(instance, "still has sessions after " + timeouts.drain().toSeconds() + " s; stopping anyway");
                }
                lb.setState(instance.name(), AdminState.MAINT);
                instance.process().close();
                step(instance, "stopped (" + instance.version() + ")");
            }
            start(instance, version);
        }
    }

    /** Starts one more instance of the current version on a free port and adds it to the load balancer. */
    public String scaleOut() {
        String name;
        synchronized (this) {
            name = "shop-" + (instances.size() + 1);
        }
        int port = FreePorts.pick();
        ShopVersion version = currentVersion();
        ShopInstance instance = new ShopInstance(name, port, version, launcher.launch(name, version, port));
        instances.add(instance);
        step(instance, "started, pid " + instance.pid());
        loadBalancer().addServer(name, port);
        step(instance, "added to the load balancer");
        awaitUp(instance);
        return name;
    }

    /**
     * Replaces every instance in turn with {@code version}, each one UP again before the next is drained. A rollback
     * requested meanwhile supersedes it: the deploy finishes the instance it is on and starts no other.
     */
    public void rollingDeploy(ShopVersion version) {
        long deploy;
        synchronized (this) {
            deployed.push(version);
            deploy = ++generation;
        }
        for (ShopInstance instance : instances) {
            // the instance first, then the check: a rollback that comes now waits for this instance and sees its version
            synchronized (instance) {
                if (superseded(deploy)) {
                    events.record(EventKinds.OPERATION_STEP, "fleet", "rolling deploy of " + version
                            + " stopped: a rollback superseded it");
                    return;
                }
                replace(instance.name(), version);
            }
        }
    }

    private synchronized boolean superseded(long deploy) {
        return generation != deploy;
    }

    /**
     * A rolling deploy back to the version before the last rolling deploy. When that deploy is still rolling, the
     * rollback stops it and waits for the instance it is replacing (each instance takes one operation at a time), then
     * replaces only the instances that do not run the previous version: it never drains an instance the deploy has
     * not reached.
     */
    public void rollback() {
        ShopVersion previous;
        synchronized (this) {
            if (deployed.size() < 2) {
                throw new OperationFailedException("nothing to roll back: no rolling deploy happened");
            }
            deployed.pop();
            previous = deployed.peek();
            generation++;
        }
        for (ShopInstance instance : instances) {
            synchronized (instance) {
                // held by the deploy while it replaces this instance: the rollback waits for it, then sees its version
                if (instance.running() && previous.equals(instance.version())) {
                    step(instance, "already runs " + previous + ": not replaced");
                    continue;
                }
                replace(instance.name(), previous);
            }
        }
    }

    private void start(ShopInstance instance, ShopVersion version) {
        DemoShopProcess process = launcher.launch(instance.name(), version, instance.port());
        instance.replaced(process, version);
        step(instance, "started " + version + ", pid " + process.pid());
        HaproxyRuntime lb = loadBalancer;
        if (lb != null) {
            lb.setState(instance.name(), AdminState.READY);
            awaitUp(instance);
        }
    }

    private void awaitUp(ShopInstance instance) {
        try {
            loadBalancer().awaitStatus(instance.name(), Status.UP, timeouts.up());
            step(instance, UP_AT_LOAD_BALANCER);
        } catch (HaproxyRuntime.RuntimeApiException e) {
            throw new OperationFailedException(instance.name() + " did not come UP at the load balancer within "
                    + timeouts.up().toSeconds() + " s: " + e.getMessage(), e);
        }
    }

    private DemoShopProcess running(ShopInstance instance) {
        if (!instance.running()) {
            throw new OperationFailedException(instance.name() + " is not running");
        }
        return instance.process();
    }

    /** The named instance; for an empty name the first running one ({@code running}) or the first stopped one. */
    private ShopInstance instance(String name, boolean running) {
        if (name == null || name.isEmpty()) {
            return instances.stream().filter(i -> i.running() == running).findFirst()
                    .orElseThrow(() -> new OperationFailedException("no " + (running ? "running" : "stopped")
                            + " instance; instances: " + instances));
        }
        return instances.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new OperationFailedException("no instance named '" + name + "'; instances: "
                        + instances.stream().map(ShopInstance::name).toList()));
    }

    private HaproxyRuntime loadBalancer() {
        HaproxyRuntime lb = loadBalancer;
        if (lb == null) {
            throw new OperationFailedException("the load balancer is not started yet");
        }
        return lb;
    }

    private void step(ShopInstance instance, String detail) {
        events.record(EventKinds.OPERATION_STEP, instance.name(), detail);
    }

    @Override
    public String toString() {
        return "ShopFleet" + instances;
    }
}
