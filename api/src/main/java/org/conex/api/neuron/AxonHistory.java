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

    /**
     * Writes the spikes of {@code delay} steps ago of every neuron into {@code out} (one byte per
     * neuron, 1 = spiked, 0 = silent), like {@code size()} calls of {@link #spiked}. Implementations
     * override it with a bulk copy; the spike catchers use it when every delay of a synapse is the
     * same.
     *
     * @param out at least {@code size()} bytes, written from index 0
     */
    default void copySpikes(int delay, java.nio.ByteBuffer out) {
        for (int i = 0, n = size(); i < n; i++) {
            out.put(i, spiked(delay, i) ? (byte) 1 : 0);
        }
    }
}
