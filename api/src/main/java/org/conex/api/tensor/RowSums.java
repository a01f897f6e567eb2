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
 * <p>With {@link KernelThreads} of more than one thread, at least {@link #PARALLEL_MIN} floats to
 * add and a matrix of at least {@link #PARALLEL_MIN_BYTES} (4 MiB), the columns are cut into one
 * range per thread (multiples of 16 floats) and each range is summed as above by one thread:
 * every {@code acc[j]} is still added in the same order, so the result is the same bit for bit.
 * Two threads took the row sums of the paper's network from 16-20 to 11-12 ms per 100 steps (a
 * microbenchmark; docs/performance.md): the rows are bound by how many memory requests one core
 * keeps in flight, and a second core brings its own.
 *
 * <p>One instance per caller (it owns the work arrays; not thread-safe); no allocation per call
 * (the per-range arrays are made again only when the number of threads changes).
 */
public final class RowSums {
    /**
     * The least number of floats added ({@code count * cols}) for which the columns are split over
     * several threads: 32,768 floats take about 10 us, ten times the cost of handing a part over.
     */
    public static final int PARALLEL_MIN = 1 << 15;
    /**
     * The least size of the weight buffer (bytes, from its limit) whose row sums are split: a
     * smaller matrix can stay in the caller's core-private cache, and a second core reading it
     * moves its lines away (see {@link ColumnUpdates#PARALLEL_MIN_BYTES}).
     */
    public static final long PARALLEL_MIN_BYTES = ColumnUpdates.PARALLEL_MIN_BYTES;
    /** Floats per 64-byte cache line. */
    private static final int FLOATS_PER_LINE = 16;
    /** The least width of one column range when split: 64 lines. */
    private static final int MIN_RANGE = 1024;
    private final int cols;
    private final Range whole;
    private Range[] ranges = new Range[0];
    private final KernelThreads.Part part = this::sumRange;
    private FloatBuffer w;
    private int[] rows;
    private int count;
    private float[] acc;

    /** @param cols the row length ({@code N_dst}) */
    public RowSums(int cols) {
        this.cols = cols;
        whole = new Range(cols, 0, cols);
    }

    /** The row length this instance sums. */
    public int cols() {
        return cols;
    }

    /**
     * Overwrites {@code acc[0 .. cols)} with the sum of the given rows (zeros when count is 0), in
     * the calling thread.
     *
     * @param w     row-major {@code [*, cols]} float32 weights
     * @param rows  the rows to add (source indices), added in this order
     * @param count number of entries of {@code rows} to use
     * @param acc   output, length at least {@code cols}
     */
    public void sum(FloatBuffer w, int[] rows, int count, float[] acc) {
        whole.sum(w, rows, count, acc);
    }

    /**
     * As {@link #sum(FloatBuffer, int[], int, float[])}, with the columns split over
     * {@code threads} when the work and the matrix are large enough ({@link #PARALLEL_MIN},
     * {@link #PARALLEL_MIN_BYTES}); the same result bit for bit.
     *
     * @param threads the threads to split over (usually the network's
     *                {@link org.conex.api.model.Network#kernelThreads()})
     */
    public void sum(FloatBuffer w, int[] rows, int count, float[] acc, KernelThreads threads) {
        int parts = columnParts(cols, threads);
        if (parts < 2 || (long) count * cols < PARALLEL_MIN || 4L * w.limit() < PARALLEL_MIN_BYTES) {
            whole.sum(w, rows, count, acc);
            return;
        }
        if (ranges.length != parts) {
            ranges = split(parts);
        }
        this.w = w;
        this.rows = rows;
        this.count = count;
        this.acc = acc;
        try {
            threads.run(parts, part);
        } finally {
            this.w = null;
            this.rows = null;
            this.acc = null;
        }
    }

    private void sumRange(int p, int parts) {
        ranges[p].sum(w, rows, count, acc);
    }

    /**
     * How many column ranges {@link #sum(FloatBuffer, int[], int, float[], KernelThreads)} cuts rows
     * of {@code cols} floats into for {@code threads} when it splits (1: never split): one per
     * thread, at least 1,024 columns each.
     */
    public static int columnParts(int cols, KernelThreads threads) {
        return Math.max(1, Math.min(threads.count(), cols / MIN_RANGE));
    }

    /**
     * The first column of range {@code part} of {@code parts} ({@code rangeStart(cols, parts,
     * parts) == cols}): nearly equal widths, every boundary a multiple of 16 floats (on a 64-byte
     * line wherever the row starts on one). A kernel that
     * writes the rows right after they were summed can split its columns the same way, so that
     * each range's cache lines stay with the core that read them (SimplePairSTDP of the benchmarks
     * does).
     *
     * @throws IllegalArgumentException unless {@code cols >= 0}, {@code parts >= 1} and
     *         {@code 0 <= part <= parts}
     */
    public static int rangeStart(int cols, int part, int parts) {
        if (cols < 0 || parts < 1 || part < 0 || part > parts) {
            throw new IllegalArgumentException("range " + part + " of " + parts + " of " + cols
                    + " columns: need cols >= 0 and 0 <= part <= parts, parts >= 1");
        }
        if (part == parts) {
            return cols;
        }
        long lines = (cols + FLOATS_PER_LINE - 1) / FLOATS_PER_LINE;
        return (int) Math.min(cols, lines * part / parts * FLOATS_PER_LINE);
    }

    private Range[] split(int parts) {
        Range[] r = new Range[parts];
        for (int p = 0; p < parts; p++) {
            r[p] = new Range(cols, rangeStart(cols, p, parts), rangeStart(cols, p + 1, parts));
        }
        return r;
    }

    /** The columns {@code [c0, c1)} of rows {@code stride} long, with their own work arrays. */
    private static final class Range {
        private final int stride;
        private final int c0;
        private final int n;
        private final float[] r0;
        private final float[] r1;
        private final float[] r2;
        private final float[] r3;
        private final float[] a;
        /** A sink for the touch loads (never read for results). */
        private float touched;

        Range(int stride, int c0, int c1) {
            this.stride = stride;
            this.c0 = c0;
            this.n = c1 - c0;
            r0 = new float[n];
            r1 = new float[n];
            r2 = new float[n];
            r3 = new float[n];
            a = c0 == 0 ? null : new float[n];
        }

        void sum(FloatBuffer w, int[] rows, int count, float[] out) {
            // The range is added in a work array of its own (or in out itself for the first range),
            // so that the vectorised loop runs over whole arrays from index 0.
            float[] acc = a == null ? out : a;
            Arrays.fill(acc, 0, n, 0f);
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
                w.get(rows[k] * stride + c0, r0, 0, n);
                for (int j = 0; j < n; j++) {
                    acc[j] += r0[j];
                }
            }
            if (a != null) {
                System.arraycopy(a, 0, out, c0, n);
            }
        }

        private void copy4(FloatBuffer w, int[] rows, int k) {
            w.get(rows[k] * stride + c0, r0, 0, n);
            w.get(rows[k + 1] * stride + c0, r1, 0, n);
            w.get(rows[k + 2] * stride + c0, r2, 0, n);
            w.get(rows[k + 3] * stride + c0, r3, 0, n);
        }

        /**
         * Loads one float per 64-byte line of this range of rows {@code rows[k .. k+8)}, the eight
         * rows side by side, so that their lines are fetched concurrently. The loaded values feed
         * {@link #touched}, which keeps the JIT from dropping the loads.
         */
        private void touch8(FloatBuffer w, int[] rows, int k) {
            int o0 = rows[k] * stride + c0;
            int o1 = rows[k + 1] * stride + c0;
            int o2 = rows[k + 2] * stride + c0;
            int o3 = rows[k + 3] * stride + c0;
            int o4 = rows[k + 4] * stride + c0;
            int o5 = rows[k + 5] * stride + c0;
            int o6 = rows[k + 6] * stride + c0;
            int o7 = rows[k + 7] * stride + c0;
            float s = 0f;
            for (int j = 0; j < n; j += FLOATS_PER_LINE) {
                s += ((w.get(o0 + j) + w.get(o1 + j)) + (w.get(o2 + j) + w.get(o3 + j)))
                        + ((w.get(o4 + j) + w.get(o5 + j)) + (w.get(o6 + j) + w.get(o7 + j)));
            }
            touched += s;
        }

        private void add4(float[] acc) {
            float[] a0 = r0;
            float[] b = r1;
            float[] c = r2;
            float[] d = r3;
            for (int j = 0; j < n; j++) {
                acc[j] = (((acc[j] + a0[j]) + b[j]) + c[j]) + d[j];
            }
        }
    }
}
