package org.conex.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.BehaviorEntry;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;

/**
 * The scheduler: one global list of (priority, owner, behavior) sorted by priority, ties by
 * registration order (objects in creation order, then insertion order), exactly as PymoNNtorch.
 *
 * <ul>
 *   <li>{@link #initialize()} runs two passes over the sorted list: every normal behavior, then
 *       every initialize-last behavior (spike catchers, recorders).</li>
 *   <li>{@link #step()} increments the network's iteration first (so behaviors see 1 during the
 *       first step), then calls every enabled behavior that has a forward, in order.</li>
 *   <li>Behaviors and objects may be added, removed, enabled or disabled between steps; the
 *       schedule is rebuilt at the next step boundary and newly added behaviors are initialised
 *       there (normal ones first, then initialize-last ones) before the step runs. PymoNNtorch
 *       initialises a behavior added at run time at once; here {@link #initialize()} does that
 *       when called right after adding it (the variables it creates then exist before the next
 *       step).</li>
 *   <li>{@link #reinitialize()} runs both passes over every behavior again, like a second
 *       {@code initialize()} of the reference: each behavior resets the state it owns (random
 *       streams continue, the iteration counter is kept).</li>
 * </ul>
 * All structural changes and steps hold {@link #stepLock()}, so a change made from another thread
 * (a shell, a hot-installed plugin) always lands between two steps.
 */
public final class Simulation {
    /** Called after every completed step. */
    @FunctionalInterface
    public interface StepListener {
        void afterStep(Network network, long iteration);
    }

    /**
     * Observes one step behavior by behavior, e.g. to find which behavior first wrote NaN
     * ({@link #step(BehaviorProbe)}); called under the step lock after each forward.
     */
    @FunctionalInterface
    public interface BehaviorProbe {
        /**
         * @param entry     the behavior whose forward just returned
         * @param iteration the step being run (1 in the first step)
         */
        void afterForward(BehaviorEntry entry, long iteration);
    }

    private final Network network;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<StepListener> listeners = new CopyOnWriteArrayList<>();
    private List<BehaviorEntry> schedule = List.of();
    private BehaviorEntry[] active = new BehaviorEntry[0];
    private long scheduleVersion = -1;

    public Simulation(Network network) {
        this.network = network;
    }

    public Network network() {
        return network;
    }

    /** The lock held during every step and structural change. */
    public ReentrantLock stepLock() {
        return lock;
    }

    public void addListener(StepListener l) {
        listeners.add(l);
    }

    public void removeListener(StepListener l) {
        listeners.remove(l);
    }

    /**
     * Runs both initialization passes over every not yet initialised behavior: at the start, and
     * whenever behaviors were added and should be initialised before the next step.
     */
    public void initialize() {
        lock.lock();
        try {
            refresh(true);
            network.setInitialized(true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs both initialization passes over every behavior again, already initialised ones included
     * (PymoNNtorch's second {@code initialize()}): each behavior recreates the variables it owns
     * from its parameters, so the network starts over from its initial state; random streams go on
     * from where they are, so random initial values differ from the first ones, and the iteration
     * counter is kept.
     */
    public void reinitialize() {
        lock.lock();
        try {
            for (BehaviorEntry e : network.schedule()) {
                e.markUninitialized();
            }
            refresh(true);
            network.setInitialized(true);
        } finally {
            lock.unlock();
        }
    }

    /** The current global schedule (sorted). */
    public List<BehaviorEntry> schedule() {
        lock.lock();
        try {
            if (scheduleVersion != network.structureVersion()) {
                return network.schedule();
            }
            return schedule;
        } finally {
            lock.unlock();
        }
    }

    private void refresh(boolean initialize) {
        if (scheduleVersion == network.structureVersion() && !initialize) {
            return;
        }
        schedule = List.copyOf(network.schedule());
        scheduleVersion = network.structureVersion();
        if (initialize || network.isInitialized()) {
            initPass(false);
            initPass(true);
        }
        List<BehaviorEntry> a = new ArrayList<>();
        for (BehaviorEntry e : schedule) {
            if (e.behavior().hasForward()) {
                a.add(e);
            }
        }
        active = a.toArray(new BehaviorEntry[0]);
    }

    @SuppressWarnings("unchecked")
    private void initPass(boolean last) {
        for (BehaviorEntry e : schedule) {
            if (e.isInitialized() || e.behavior().initializeLast() != last) {
                continue;
            }
            try {
                ((Behavior<NetworkObject>) e.behavior()).initialize(e.owner());
            } catch (BehaviorFailure f) {
                throw f;
            } catch (RuntimeException ex) {
                throw new BehaviorFailure(e, 0, ex);
            }
            e.markInitialized();
        }
    }

    /** One step: iteration += 1, then every enabled behavior's forward in schedule order. */
    public void step() {
        step(null);
    }

    /**
     * One step as {@link #step()}, calling {@code probe} (when not null) after each behavior's
     * forward. A probe that throws ends the step there; the exception reaches the caller unchanged.
     */
    @SuppressWarnings("unchecked")
    public void step(BehaviorProbe probe) {
        lock.lock();
        try {
            if (!network.isInitialized()) {
                refresh(true);
                network.setInitialized(true);
            } else {
                refresh(false);
            }
            long t = network.iteration() + 1;
            network.setIteration(t);
            for (BehaviorEntry e : active) {
                Behavior<NetworkObject> b = (Behavior<NetworkObject>) e.behavior();
                if (!b.isEnabled()) {
                    continue;
                }
                try {
                    b.forward(e.owner());
                } catch (RuntimeException ex) {
                    throw new BehaviorFailure(e, t, ex);
                }
                if (probe != null) {
                    probe.afterForward(e, t);
                }
            }
        } finally {
            lock.unlock();
        }
        for (StepListener l : listeners) {
            l.afterStep(network, network.iteration());
        }
    }

    /** Runs {@code steps} steps. */
    public void simulate(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        for (long i = 0; i < steps; i++) {
            step();
        }
    }

    /** The schedule as text, one line per behavior: priority, owner, name, flags. */
    public String describeSchedule() {
        StringBuilder sb = new StringBuilder();
        for (BehaviorEntry e : schedule()) {
            Behavior<?> b = e.behavior();
            sb.append(String.format("%8s  %-24s %s%s%s%n", Behavior.formatPriority(e.priority()), e.owner().tag(),
                    b.name(), b.initializeLast() ? " [initialize-last]" : "", b.hasForward() ? "" : " [no forward]"));
        }
        return sb.toString();
    }
}
