package org.conex.runtime.hotswap;

import java.util.List;

/**
 * What happened to a group's state when its model changed at a step boundary.
 *
 * @param group       primary tag of the neuron group
 * @param from        the model that was attached before (empty if none: waiting or paused)
 * @param to          the model attached now
 * @param source      provider of the new model (bundle and version, or class)
 * @param kept        variables carried over: same name, shape and dtype (values copied in)
 * @param initialised variables the new model created fresh (new names, or shape/dtype changed)
 * @param dropped     variables of the old model that the new one does not have (removed)
 */
public record MigrationReport(String group, String from, String to, String source, List<String> kept,
                              List<String> initialised, List<String> dropped) {
    public MigrationReport {
        kept = List.copyOf(kept);
        initialised = List.copyOf(initialised);
        dropped = List.copyOf(dropped);
    }

    /** One line, e.g. {@code exc: LIF -> Izhikevich (org.conex.examples.izhikevich 0.1.0): kept [v, spikes] ...}. */
    public String describe() {
        return group + ": " + (from.isEmpty() ? "(none)" : from) + " -> " + to + " (" + source + "): kept " + kept
                + ", initialised " + initialised + ", dropped " + dropped;
    }

    @Override
    public String toString() {
        return describe();
    }
}
