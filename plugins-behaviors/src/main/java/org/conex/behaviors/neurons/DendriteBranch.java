package org.conex.behaviors.neurons;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The delayed-current buffer of one dendrite kind (Proximal, Distal or Apical) of a neuron group:
 * a ring of {@code maxDelay} rows of N currents. Row d (logical) holds the current that will be
 * delivered in d steps; row 0 is delivered now. {@link #advance} drops row 0 and moves every
 * pending current one step closer (the last row becomes empty) by moving the head. Rows are
 * cleared lazily: a row that nothing was added to since it was delivered is <em>empty</em>
 * ({@code filled[row]} false) and stands for +0 everywhere whatever its memory holds, so that
 * advancing writes nothing, the first add into an empty row writes {@code +0 + current} without
 * reading it, and delivering an empty row writes zeros without reading it. A branch with
 * {@code maxDelay == 0} is disabled and holds nothing.
 */
final class DendriteBranch {
    private final String kind;
    private final int maxDelay;
    private final int size;
    private final Vec rows;
    private final boolean[] filled;
    private float[] hRow = new float[0];
    private float[] hCurrent = new float[0];
    private long[] hDelays = new long[0];
    /** A row of zeros: delivering an empty row is one bulk copy. */
    private float[] zeros = new float[0];
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
        this.filled = new boolean[maxDelay];
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
        filled[head] = false;
        head = head + 1 == maxDelay ? 0 : head + 1;
    }

    /** Writes +0 over an empty row, so that element-wise adds may read it. */
    private void materialize(int row) {
        if (filled[row]) {
            return;
        }
        int base = row * size;
        if (rows instanceof Vec.F32) {
            ((Vec.F32) rows).buffer().put(base, zeros(), 0, size);
        } else {
            for (int j = 0; j < size; j++) {
                rows.set(base + j, 0.0);
            }
        }
        filled[row] = true;
    }

    private float[] zeros() {
        if (zeros.length != size) {
            zeros = new float[size];
        }
        return zeros;
    }

    /**
     * Adds {@code current[j]} to logical row {@code delays[j]} for every neuron j ({@code delays}
     * null: all 0).
     *
     * @return -1 on success, else the first neuron whose delay is outside {@code 0 .. maxDelay-1}
     *     (nothing from that neuron on is added)
     */
    int add(Vec current, LongBuffer delays) {
        if (rows instanceof Vec.F32 && current instanceof Vec.F32) {
            return add(((Vec.F32) rows).buffer(), ((Vec.F32) current).buffer(), delays);
        }
        for (int j = 0; j < size; j++) {
            long d = delays == null ? 0 : delays.get(j);
            if (d < 0 || d >= maxDelay) {
                return j;
            }
            int row = head + (int) d;
            if (row >= maxDelay) {
                row -= maxDelay;
            }
            materialize(row);
            int at = row * size + j;
            rows.set(at, rows.get(at) + current.get(j));
        }
        return -1;
    }

    /**
     * Float32 path of {@link #add(Vec, LongBuffer)}. When every neuron has the same valid delay
     * (all 0 without DelayInitializer) the current is added to one row with a vectorised loop
     * over heap copies; otherwise neuron by neuron.
     */
    private int add(FloatBuffer b, FloatBuffer current, LongBuffer delays) {
        long shared = uniformDelay(delays);
        if (shared >= 0 && shared < maxDelay) {
            int row = head + (int) shared;
            if (row >= maxDelay) {
                row -= maxDelay;
            }
            if (hRow.length != size) {
                hRow = new float[size];
                hCurrent = new float[size];
            }
            float[] r = hRow;
            float[] c = hCurrent;
            current.get(0, c, 0, size);
            if (filled[row]) {
                b.get(row * size, r, 0, size);
                for (int j = 0; j < size; j++) {
                    r[j] = r[j] + c[j];
                }
            } else {
                for (int j = 0; j < size; j++) {
                    r[j] = 0f + c[j]; // the empty row's +0 (turns a -0 current into +0, as the add did)
                }
                filled[row] = true;
            }
            b.put(row * size, r, 0, size);
            return -1;
        }
        for (int j = 0; j < size; j++) {
            long d = delays == null ? 0 : delays.get(j);
            if (d < 0 || d >= maxDelay) {
                return j;
            }
            int row = head + (int) d;
            if (row >= maxDelay) {
                row -= maxDelay;
            }
            materialize(row);
            int at = row * size + j;
            b.put(at, b.get(at) + current.get(j));
        }
        return -1;
    }

    /**
     * The pending currents in logical order: a new array {@code [maxDelay, N]} of the branch's
     * float type whose row d will be delivered in d steps (row 0 already holds this step's
     * delivery once {@link #deliver} ran). Only for enabled branches.
     */
    INDArray pending() {
        INDArray out = Tensors.zeros(rows.array().dataType(), maxDelay, size);
        Vec o = Vec.of(out);
        for (int d = 0; d < maxDelay; d++) {
            int row = (head + d) % maxDelay;
            if (!filled[row]) {
                continue; // an empty row: +0, as the new array already holds
            }
            for (int j = 0; j < size; j++) {
                o.set(d * size + j, rows.get(row * size + j));
            }
        }
        return out;
    }

    /**
     * Replaces the pending currents by {@code logical}, laid out as {@link #pending} returns them
     * (already checked to be {@code [maxDelay, N]} of the branch's type, C order). Every row counts
     * as filled (holding exactly the restored values, signs of zero included) until it is
     * delivered and becomes empty again.
     */
    void restore(INDArray logical) {
        Vec src = Vec.of(logical);
        for (int k = 0, n = maxDelay * size; k < n; k++) {
            rows.set(k, src.get(k));
        }
        Arrays.fill(filled, true);
        head = 0;
    }

    /** The float type of the currents (null for a disabled branch). */
    DataType dataType() {
        return rows == null ? null : rows.array().dataType();
    }

    /** The delay shared by every neuron (0 for null), or -1 if they differ or there are none. */
    private long uniformDelay(LongBuffer delays) {
        if (delays == null) {
            return 0;
        }
        if (size == 0) {
            return -1;
        }
        if (hDelays.length != size) {
            hDelays = new long[size];
        }
        long first = delays.get(0);
        return Kernels.allEqual(delays, size, first, hDelays) ? first : -1;
    }

    /** Copies the row delivered now into {@code out} (float[N]). */
    void deliver(Vec out) {
        int base = head * size;
        boolean empty = !filled[head];
        if (rows instanceof Vec.F32 && out instanceof Vec.F32) {
            FloatBuffer o = ((Vec.F32) out).buffer();
            if (empty) {
                o.put(0, zeros(), 0, size);
            } else {
                o.put(0, ((Vec.F32) rows).buffer(), base, size);
            }
            return;
        }
        for (int j = 0; j < size; j++) {
            out.set(j, empty ? 0.0 : rows.get(base + j));
        }
    }
}
