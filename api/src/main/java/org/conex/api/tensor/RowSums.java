package org.conex.api.tensor;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The event-driven {@code spikesᵀ·W} of dense float32 weights: the sum of the rows of the sources
 * that spiked, {@code acc[j] = w[rows[0], j] + w[rows[1], j] + ... + w[rows[count-1], j]} for
 * {@code j < cols}, added left to right in float32 (bit-identical to adding the rows one after
 * another in the given order).
 *
 * <p>Four rows at a time are bulk-copied out of the weight buffer into four work arrays and added
 * in one pass over {@code acc}. That loop over separate heap arrays is vectorised by the JIT; the
 * same loop over the buffer, or over one work array at four offsets, is not, and runs about five
 * times slower (measured in docs/performance.md).
 *
 * <p>Rows are read eight at a time: before the two copies, one load per cache line of each of the
 * eight rows, interleaved across the rows, starts eight memory streams at once. A bulk copy reads
 * one row after another, and for rows that are not in cache (a large matrix, a few scattered
 * spiking rows per step) each row's stream starts cold; with the interleaved touch the copies then
 * read from cache. Measured on the 7,500 x 7,500 matrix of the paper's network: 20-25% less time
 * for the row sums. The result does not change: the touch only reads.
 *
 * <p>One instance per caller (it owns the work arrays; not thread-safe); no allocation per call.
 */
public final class RowSums {
    /** Floats per 64-byte cache line. */
    private static final int FLOATS_PER_LINE = 16;
    private final int cols;
    private final float[] r0;
    private final float[] r1;
    private final float[] r2;
    private final float[] r3;
    /** A sink for the touch loads (never read for results). */
    private float touched;

    /** @param cols the row length ({@code N_dst}) */
    public RowSums(int cols) {
        this.cols = cols;
        r0 = new float[cols];
        r1 = new float[cols];
        r2 = new float[cols];
        r3 = new float[cols];
    }

    /** The row length this instance sums. */
    public int cols() {
        return cols;
    }

    /**
     * Overwrites {@code acc[0 .. cols)} with the sum of the given rows (zeros when count is 0).
     *
     * @param w     row-major {@code [*, cols]} float32 weights
     * @param rows  the rows to add (source indices), added in this order
     * @param count number of entries of {@code rows} to use
     * @param acc   output, length at least {@code cols}
     */
    public void sum(FloatBuffer w, int[] rows, int count, float[] acc) {
        Arrays.fill(acc, 0, cols, 0f);
        int k = 0;
        for (; k + 8 <= count; k += 8) {
            touch8(w, rows, k);
            copy4(w, rows, k);
            add4(acc);
            copy4(w, rows, k + 4);
            add4(acc);
        }
        for (; k + 4 <= count; k += 4) {
            copy4(w, rows, k);
            add4(acc);
        }
        for (; k < count; k++) {
            w.get(rows[k] * cols, r0, 0, cols);
            for (int j = 0; j < cols; j++) {
                acc[j] += r0[j];
            }
        }
    }

    private void copy4(FloatBuffer w, int[] rows, int k) {
        w.get(rows[k] * cols, r0, 0, cols);
        w.get(rows[k + 1] * cols, r1, 0, cols);
        w.get(rows[k + 2] * cols, r2, 0, cols);
        w.get(rows[k + 3] * cols, r3, 0, cols);
    }

    /**
     * Loads one float per 64-byte line of rows {@code rows[k .. k+8)}, the eight rows side by side,
     * so that their lines are fetched concurrently. The loaded values feed {@link #touched}, which
     * keeps the JIT from dropping the loads.
     */
    private void touch8(FloatBuffer w, int[] rows, int k) {
        int o0 = rows[k] * cols;
        int o1 = rows[k + 1] * cols;
        int o2 = rows[k + 2] * cols;
        int o3 = rows[k + 3] * cols;
        int o4 = rows[k + 4] * cols;
        int o5 = rows[k + 5] * cols;
        int o6 = rows[k + 6] * cols;
        int o7 = rows[k + 7] * cols;
        float s = 0f;
        for (int j = 0; j < cols; j += FLOATS_PER_LINE) {
            s += ((w.get(o0 + j) + w.get(o1 + j)) + (w.get(o2 + j) + w.get(o3 + j)))
                    + ((w.get(o4 + j) + w.get(o5 + j)) + (w.get(o6 + j) + w.get(o7 + j)));
        }
        touched += s;
    }

    private void add4(float[] acc) {
        float[] a = r0;
        float[] b = r1;
        float[] c = r2;
        float[] d = r3;
        for (int j = 0; j < cols; j++) {
            acc[j] = (((acc[j] + a[j]) + b[j]) + c[j]) + d[j];
        }
    }
}
