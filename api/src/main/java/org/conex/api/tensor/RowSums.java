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
 * times slower (measured in docs/performance.md). One instance per caller (it owns the work
 * arrays; not thread-safe); no allocation per call.
 */
public final class RowSums {
    private final int cols;
    private final float[] r0;
    private final float[] r1;
    private final float[] r2;
    private final float[] r3;

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
        for (; k + 4 <= count; k += 4) {
            w.get(rows[k] * cols, r0, 0, cols);
            w.get(rows[k + 1] * cols, r1, 0, cols);
            w.get(rows[k + 2] * cols, r2, 0, cols);
            w.get(rows[k + 3] * cols, r3, 0, cols);
            add4(acc);
        }
        for (; k < count; k++) {
            w.get(rows[k] * cols, r0, 0, cols);
            for (int j = 0; j < cols; j++) {
                acc[j] += r0[j];
            }
        }
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
