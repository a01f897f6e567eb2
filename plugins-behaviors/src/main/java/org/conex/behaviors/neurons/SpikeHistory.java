package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The spike history of one neuron group: a ring buffer of {@code maxDelay} rows of N booleans.
 * {@link #push} overwrites the oldest row with the newest spikes and moves the head, so a step
 * costs one row write (N bytes) whatever {@code maxDelay} is. {@code spiked(d, i)} is neuron i's
 * spike pushed d pushes ago (d = 0: the latest push). Starts all false.
 *
 * <p>Storage is a BOOL INDArray {@code [maxDelay, N]} whose physical row {@code (head + d) mod
 * maxDelay} holds delay d.
 *
 * <p>Checkpoints ({@link Checkpointable}) save the history in logical order, independent of the
 * head: key {@value #ROWS}, BOOL {@code [maxDelay, N]} whose row d holds the spikes of d pushes
 * ago. Restoring writes those rows back with the head at 0, so every later {@code spiked} and
 * {@code push} behaves as in the saved run.
 */
final class SpikeHistory implements AxonHistory, Checkpointable {
    /** The checkpoint key of the history rows. */
    static final String ROWS = "spikes_by_delay";

    private final String group;
    private final int maxDelay;
    private final int size;
    private final INDArray rows;
    private final ByteBuffer bytes;
    private int head;
    /**
     * Heap copies of the pushed spikes and of the 0/1 row written (a loop from one heap array into
     * another; the same loop in place on one byte array compiles to much slower code).
     */
    private final byte[] pushedIn;
    private final byte[] pushed;

    /**
     * @param group    tag of the owning group (for messages)
     * @param maxDelay number of kept steps, &gt;= 1
     * @param size     number of neurons
     */
    SpikeHistory(String group, int maxDelay, int size) {
        if (maxDelay < 1) {
            throw new IllegalArgumentException("max_delay must be >= 1, found " + maxDelay);
        }
        this.group = group;
        this.maxDelay = maxDelay;
        this.size = size;
        this.rows = Tensors.zeros(DataType.BOOL, maxDelay, size);
        this.bytes = Views.bools(rows);
        this.pushedIn = new byte[size];
        this.pushed = new byte[size];
    }

    @Override
    public int maxDelay() {
        return maxDelay;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Whether neuron {@code neuron} spiked {@code delay} pushes ago.
     *
     * @throws IllegalArgumentException  if {@code delay} is outside {@code 0 .. maxDelay-1}
     * @throws IndexOutOfBoundsException if {@code neuron} is outside {@code 0 .. size-1}
     */
    @Override
    public boolean spiked(int delay, int neuron) {
        if (delay < 0 || delay >= maxDelay) {
            throw new IllegalArgumentException("delay " + delay + " is outside the spike history of '" + group
                    + "' (NeuronAxon max_delay = " + maxDelay + ", valid delays 0.." + (maxDelay - 1) + ")");
        }
        if (neuron < 0 || neuron >= size) {
            throw new IndexOutOfBoundsException("neuron " + neuron + " is outside group '" + group + "' of "
                    + size + " neurons");
        }
        int row = head + delay;
        if (row >= maxDelay) {
            row -= maxDelay;
        }
        return bytes.get(row * size + neuron) != 0;
    }

    /** Bulk copy of the row of {@code delay} (checked as in {@link #spiked}). */
    @Override
    public void copySpikes(int delay, ByteBuffer out) {
        if (delay < 0 || delay >= maxDelay) {
            spiked(delay, 0);
        }
        int row = head + delay;
        if (row >= maxDelay) {
            row -= maxDelay;
        }
        out.put(0, bytes, row * size, size);
    }

    /** Makes {@code spikes} (N bytes, non-zero = spike) the delay-0 row; the oldest row falls off. */
    void push(ByteBuffer spikes) {
        head = head == 0 ? maxDelay - 1 : head - 1;
        int base = head * size;
        byte[] in = pushedIn;
        byte[] h = pushed;
        spikes.get(0, in, 0, size);
        for (int i = 0; i < size; i++) {
            h[i] = (byte) ((in[i] | -in[i]) >>> 31); // 1 for any non-zero byte, else 0
        }
        bytes.put(base, h, 0, size);
    }

    /** The rows in logical order: a new BOOL {@code [maxDelay, N]}, row d = spikes of d pushes ago. */
    @Override
    public Map<String, INDArray> saveState() {
        INDArray out = Tensors.zeros(DataType.BOOL, maxDelay, size);
        ByteBuffer o = Views.bools(out);
        for (int d = 0; d < maxDelay; d++) {
            int row = (head + d) % maxDelay;
            for (int i = 0; i < size; i++) {
                o.put(d * size + i, bytes.get(row * size + i));
            }
        }
        return Map.of(ROWS, out);
    }

    /**
     * Puts back what {@link #saveState} returned.
     *
     * @throws IllegalArgumentException unless the state is exactly {@value #ROWS} as BOOL
     *                                  {@code [maxDelay, N]}; nothing is changed then
     */
    @Override
    public void restoreState(Map<String, INDArray> state) {
        INDArray rows = new SavedState("NeuronAxon history of '" + group + "'", state, Set.of(ROWS))
                .get(ROWS, DataType.BOOL, "NeuronAxon max_delay x neurons", maxDelay, size);
        ByteBuffer src = Views.bools(rows);
        for (int k = 0, n = maxDelay * size; k < n; k++) {
            bytes.put(k, src.get(k) != 0 ? (byte) 1 : 0);
        }
        head = 0;
    }

    @Override
    public String toString() {
        return "SpikeHistory['" + group + "', max_delay=" + maxDelay + ", N=" + size + "]";
    }
}
