package org.conex.behaviors.spatial;

import org.conex.api.tensor.Kernels;

/**
 * The indices of the true entries of a bool spike vector, collected into a reusable buffer so
 * event-driven kernels touch only the neurons that spiked. Not thread-safe; one per kernel.
 */
public final class SpikeIndex {
    private final int[] index;
    private int count;

    /** @param capacity the spike vector's length */
    public SpikeIndex(int capacity) {
        index = new int[capacity];
    }

    /**
     * Scans {@code spikes} (one byte per neuron, non-zero = spike) and records the spiking indices.
     *
     * @return the number of spikes
     */
    public int collect(byte[] spikes) {
        count = Kernels.spikeIndices(spikes, index.length, index);
        return count;
    }

    /** Number of spikes found by the last {@link #collect}. */
    public int count() {
        return count;
    }

    /** The q-th spiking index of the last {@link #collect} (q &lt; count). */
    public int get(int q) {
        return index[q];
    }
}
