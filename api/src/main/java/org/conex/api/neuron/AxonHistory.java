package org.conex.api.neuron;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Spike history of a neuron group, kept by its axon behavior (NeuronAxon) under the variable
 * {@code "axon"}: {@code spiked(d, i)} is neuron i's spike of d steps ago (d = 0: this step).
 * Read by the spike catchers to apply axonal (src_delay) and dendritic (dst_delay) delays.
 */
@ConsumerType
public interface AxonHistory {
    /** Number of kept steps (the axon's max_delay); valid delays are 0 .. maxDelay()-1. */
    int maxDelay();

    /** Number of neurons. */
    int size();

    /** Whether neuron {@code neuron} spiked {@code delay} steps ago. */
    boolean spiked(int delay, int neuron);
}
