package org.conex.bench;

import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;

/**
 * One benchmark workload: a network built through the public API from behaviors looked up by
 * registered name, run for a fixed number of steps, and a deterministic summary of its result
 * (spike counts, mean weight) so that a faster but wrong engine cannot pass unnoticed.
 */
public interface Workload {
    /** Short name used on the command line, e.g. {@code conex-4k}. */
    String name();

    /** One line for people: the model and its size. */
    String description();

    /** Number of simulated steps of one run. */
    int steps();

    /**
     * Builds the network (not yet initialised) with master seed {@code seed}.
     *
     * @param behaviors where behavior types are found by name (the plugin registry)
     */
    Network build(BehaviorLookup behaviors, long seed);

    /** Number of synapses (stored connections). */
    long synapses(Network net);

    /**
     * Synaptic events of the finished run: presynaptic spikes times the synapses each one reaches.
     */
    long synapticEvents(Network net);

    /** The deterministic summary of the finished run (names to numbers), in a stable order. */
    Map<String, Object> summary(Network net);
}
