package org.conex.behaviors.neurons;

import java.nio.LongBuffer;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The delayed-current buffer of one dendrite kind (Proximal, Distal or Apical) of a neuron group:
 * a ring of {@code maxDelay} rows of N currents. Row d (logical) holds the current that will be
 * delivered in d steps; row 0 is delivered now. {@link #advance} drops row 0 and moves every
 * pending current one step closer (the last row becomes empty) by moving the head, touching one
 * row only. A branch with {@code maxDelay == 0} is disabled and holds nothing.
 */
final class DendriteBranch {
    private final String kind;
    private final int maxDelay;
    private final int size;
    private final Vec rows;
    private int head;

    /**
     * @param kind     "Proximal", "Distal" or "Apical" (the synapse tag it collects)
     * @param maxDelay number of rows (0: disabled)
     * @param size     number of neurons
     * @param dtype    float type of the currents
     */
    DendriteBranch(String kind, int maxDelay, int size, DType dtype) {
        this.kind = kind;
        this.maxDelay = maxDelay;
        this.size = size;
        INDArray a = maxDelay == 0 ? null : Tensors.zeros(dtype.nd4j(), maxDelay, size);
        this.rows = a == null ? null : Vec.of(a);
    }

    String kind() {
        return kind;
    }

    int maxDelay() {
        return maxDelay;
    }

    boolean enabled() {
        return maxDelay > 0;
    }

    /** Discards the delivered row and shifts pending currents one step towards delivery. */
    void advance() {
        int base = head * size;
        for (int j = 0; j < size; j++) {
            rows.set(base + j, 0.0);
        }
        head = head + 1 == maxDelay ? 0 : head + 1;
    }

    /**
     * Adds {@code current[j]} to logical row {@code delays[j]} for every neuron j ({@code delays}
     * null: all 0).
     *
     * @return -1 on success, else the first neuron whose delay is outside {@code 0 .. maxDelay-1}
     *     (nothing from that neuron on is added)
     */
    int add(Vec current, LongBuffer delays) {
        for (int j = 0; j < size; j++) {
            long d = delays == null ? 0 : delays.get(j);
            if (d < 0 || d >= maxDelay) {
                return j;
            }
            int row = head + (int) d;
            if (row >= maxDelay) {
                row -= maxDelay;
            }
            int at = row * size + j;
            rows.set(at, rows.get(at) + current.get(j));
        }
        return -1;
    }

    /** Copies the row delivered now into {@code out} (float[N]). */
    void deliver(Vec out) {
        int base = head * size;
        for (int j = 0; j < size; j++) {
            out.set(j, rows.get(base + j));
        }
    }
}
