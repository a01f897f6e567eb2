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
     * spiked are read. Four rows at a time are bulk-copied into {@code scratch} and added in one
     * pass over {@code acc}, a loop over heap arrays that the JIT vectorises (a loop over the
     * buffers themselves is not vectorised and runs 2-4 times slower).
     *
     * @param w       row-major {@code [*, cols]} float32 weights
     * @param cols    row length
     * @param rows    the rows to add (source indices), any order; added in this order
     * @param count   number of entries of {@code rows} to use
     * @param acc     output, length at least {@code cols}
     * @param scratch work space of at least {@code 4 * cols} floats (contents are overwritten)
     */
    public static void sumRows(FloatBuffer w, int cols, int[] rows, int count, float[] acc, float[] scratch) {
        java.util.Arrays.fill(acc, 0, cols, 0f);
        int c1 = cols;
        int c2 = 2 * cols;
        int c3 = 3 * cols;
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            w.get(rows[k] * cols, scratch, 0, cols);
            w.get(rows[k + 1] * cols, scratch, c1, cols);
            w.get(rows[k + 2] * cols, scratch, c2, cols);
            w.get(rows[k + 3] * cols, scratch, c3, cols);
            for (int j = 0; j < cols; j++) {
                acc[j] = (((acc[j] + scratch[j]) + scratch[c1 + j]) + scratch[c2 + j]) + scratch[c3 + j];
            }
        }
        for (; k < count; k++) {
            w.get(rows[k] * cols, scratch, 0, cols);
            for (int j = 0; j < cols; j++) {
                acc[j] += scratch[j];
            }
        }
    }

    /**
     * {@code min(max(x, lo), hi)}, the reference's clamp: NaN stays NaN. With {@code lo} or
     * {@code hi} infinite it changes nothing else. (A zero's sign at a bound of 0 follows
     * {@link Math#max}; torch's own vector and scalar paths differ there.)
     */
    public static float clamp(float x, float lo, float hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    /** Double version of {@link #clamp(float, float, float)}. */
    public static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    /**
     * Clamps {@code w[from .. to)} into {@code [lo, hi]} with {@link #clamp} (float32).
     */
    public static void clip(FloatBuffer w, int from, int to, float lo, float hi) {
        for (int e = from; e < to; e++) {
            clipAt(w, e, lo, hi);
        }
    }

    /**
     * Clamps entry {@code e} with {@link #clamp}, writing only when the value changes, so that a
     * sweep over weights already inside the bounds only reads memory.
     */
    public static void clipAt(FloatBuffer w, int e, float lo, float hi) {
        float x = w.get(e);
        float y = clamp(x, lo, hi);
        if (Float.floatToRawIntBits(y) != Float.floatToRawIntBits(x)) {
            w.put(e, y);
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
                clipAt(w, row + columns[k], lo, hi);
            }
        }
    }
}
