package org.conex.api.model;

import org.conex.api.behavior.Behavior;

/**
 * One entry of the global schedule: a behavior, its owner, its priority and its registration
 * sequence number (the tie-break: creation order of objects, then insertion order).
 */
public final class BehaviorEntry {
    private final double priority;
    private final long sequence;
    private final NetworkObject owner;
    private final Behavior<?> behavior;
    private boolean initialized;

    BehaviorEntry(double priority, long sequence, NetworkObject owner, Behavior<?> behavior) {
        this.priority = priority;
        this.sequence = sequence;
        this.owner = owner;
        this.behavior = behavior;
    }

    public double priority() {
        return priority;
    }

    public long sequence() {
        return sequence;
    }

    public NetworkObject owner() {
        return owner;
    }

    public Behavior<?> behavior() {
        return behavior;
    }

    /** Whether the runtime has initialised this behavior. */
    public boolean isInitialized() {
        return initialized;
    }

    /** Runtime use: the behavior's initialize has run. */
    public void markInitialized() {
        this.initialized = true;
    }

    /** Runtime use: the behavior is to be initialised again (a re-initialization of the network). */
    public void markUninitialized() {
        this.initialized = false;
    }

    @Override
    public String toString() {
        return Behavior.formatPriority(priority) + " " + owner.tag() + "." + behavior.name();
    }
}
