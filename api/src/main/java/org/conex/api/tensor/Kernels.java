package org.conex.api.tensor;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Fused, allocation-free building blocks for event-driven per-step kernels over zero-copy views
 * ({@link Views}, {@link Vec.F32#buffer()}). They are what the built-in behaviors use, and what a
 * plugin author should call instead of chaining small ND4J ops (each of which costs microseconds,
 * see docs/performance.md).
 *
 * <p>Dense weights are row-major {@code [rows, cols]} float32 buffers (SxD: row = source neuron).
 * Float32 results are bit-identical to adding the selected rows one after another in the given
 * order: blocking only changes how many rows are read per pass over the output, never the order of
 * the additions of one output element.
 */
public final class Kernels {
    private Kernels() {
    }

    /**
     * Writes the indices of the non-zero bytes of {@code spikes[0 .. n)} into {@code out} in
     * ascending order.
     *
     * @param spikes one byte per neuron, 0 = silent (a {@link Views#bools} view)
     * @param n      number of neurons to scan
     * @param out    receives the indices; needs room for every spike (length n suffices)
     * @return the number of indices written
     */
    public static int spikeIndices(ByteBuffer spikes, int n, int[] out) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (spikes.get(i) != 0) {
                out[c++] = i;
            }
        }
        return c;
    }

    /**
     * {@code acc[j] = w[rows[0], j] + w[rows[1], j] + ... + w[rows[count-1], j]} for
     * {@code j < cols}, summed left to right in float32 (acc is overwritten; with count 0 it
     * becomes zeros). This is the event-driven {@code spikesᵀ·W}: only the rows of neurons that
     * spiked are read, four rows per pass over {@code acc}, which keeps four memory streams in
     * flight.
     *
     * @param w     row-major {@code [*, cols]} float32 weights
     * @param cols  row length
     * @param rows  the rows to add (source indices), any order; added in this order
     * @param count number of entries of {@code rows} to use
     * @param acc   output, length at least {@code cols}
     */
    public static void sumRows(FloatBuffer w, int cols, int[] rows, int count, float[] acc) {
        java.util.Arrays.fill(acc, 0, cols, 0f);
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            int r0 = rows[k] * cols;
            int r1 = rows[k + 1] * cols;
            int r2 = rows[k + 2] * cols;
            int r3 = rows[k + 3] * cols;
            for (int j = 0; j < cols; j++) {
                acc[j] = (((acc[j] + w.get(r0 + j)) + w.get(r1 + j)) + w.get(r2 + j)) + w.get(r3 + j);
            }
        }
        for (; k < count; k++) {
            int r = rows[k] * cols;
            for (int j = 0; j < cols; j++) {
                acc[j] += w.get(r + j);
            }
        }
    }

    /** Copies {@code src[0 .. n)} into {@code dst[0 .. n)}. */
    public static void copy(float[] src, FloatBuffer dst, int n) {
        for (int j = 0; j < n; j++) {
            dst.put(j, src[j]);
        }
    }

    /**
     * Clamps {@code w[from .. to)} into {@code [lo, hi]} (float32); NaN stays NaN, as with
     * {@code min(max(w, lo), hi)} in the reference.
     */
    public static void clip(FloatBuffer w, int from, int to, float lo, float hi) {
        for (int e = from; e < to; e++) {
            float x = w.get(e);
            if (x < lo) {
                w.put(e, lo);
            } else if (x > hi) {
                w.put(e, hi);
            }
        }
    }

    /**
     * Clamps the entries of {@code count} columns of a row-major {@code [rows, cols]} matrix into
     * {@code [lo, hi]}, row by row so that memory is walked forwards (the columns of spiking
     * destinations are scattered over the rows; walking a column at a time would jump a whole row
     * per element).
     *
     * @param columns column indices (ascending for best locality), first {@code count} used
     */
    public static void clipColumns(FloatBuffer w, int rows, int cols, int[] columns, int count, float lo,
                                   float hi) {
        for (int row = 0, end = rows * cols; row < end; row += cols) {
            for (int k = 0; k < count; k++) {
                int e = row + columns[k];
                float x = w.get(e);
                if (x < lo) {
                    w.put(e, lo);
                } else if (x > hi) {
                    w.put(e, hi);
                }
            }
        }
    }
}
