package org.conex.api.tensor;

import java.nio.FloatBuffer;

/**
 * {@link Kernels#addToColumnsOfEveryRow} split over {@link KernelThreads}: the rows are cut into
 * one contiguous range per thread and each range's columns are walked by one thread. Every entry
 * gets exactly the update of the one-thread walk, so the weights are the same bit for bit whatever
 * the thread count.
 *
 * <p>The walk is bound by the instruction rate (about 17 instructions per update), so a second core
 * nearly halves it once there are enough updates to pay for the hand-over (about a microsecond):
 * at least {@link #PARALLEL_MIN} updates ({@code nRows * nColumns}), 64 rows per thread, and a
 * matrix of at least {@link #PARALLEL_MIN_BYTES} (4 MiB).
 *
 * <p>One instance per caller (it holds the arguments of the call in progress; not thread-safe); no
 * allocation per call.
 */
public final class ColumnUpdates {
    /** The least number of updates ({@code nRows * nColumns}) that are split over threads. */
    public static final int PARALLEL_MIN = 1 << 15;
    /**
     * The least size of the weight buffer (bytes, from its limit) that is split: a smaller matrix
     * stays in the caller's core-private cache from step to step, and a second core writing half
     * of it moves those lines back and forth (conex-1k, 1 MB: 0.013 s became 0.016-0.022 s).
     */
    public static final long PARALLEL_MIN_BYTES = 4L << 20;
    /** The least number of rows per thread when split. */
    private static final int MIN_ROWS = 64;

    private final KernelThreads.Part part = this::walkRange;
    private FloatBuffer w;
    private int cols;
    private float[] increments;
    private int nRows;
    private int[] columns;
    private int nColumns;
    private float lo;
    private float hi;

    /**
     * {@link Kernels#addToColumnsOfEveryRow} with the same arguments, the same checks and the same
     * result, split over {@code threads} when large enough.
     *
     * @param threads the threads to split over (usually the network's
     *                {@link org.conex.api.model.Network#kernelThreads()})
     * @throws IndexOutOfBoundsException as {@link Kernels#addToColumnsOfEveryRow} (before anything
     *         is written)
     */
    public void addToEveryRow(FloatBuffer w, int cols, float[] increments, int nRows, int[] columns, int nColumns,
                              float lo, float hi, KernelThreads threads) {
        int parts = Math.min(threads.count(), nRows / MIN_ROWS);
        if (parts < 2 || (long) nRows * nColumns < PARALLEL_MIN || 4L * w.limit() < PARALLEL_MIN_BYTES) {
            Kernels.addToColumnsOfEveryRow(w, cols, increments, nRows, columns, nColumns, lo, hi);
            return;
        }
        Kernels.checkEveryRow(w, cols, increments, nRows, columns, nColumns);
        this.w = w;
        this.cols = cols;
        this.increments = increments;
        this.nRows = nRows;
        this.columns = columns;
        this.nColumns = nColumns;
        this.lo = lo;
        this.hi = hi;
        try {
            threads.run(parts, part);
        } finally {
            this.w = null;
            this.increments = null;
            this.columns = null;
        }
    }

    private void walkRange(int p, int parts) {
        int from = (int) ((long) nRows * p / parts);
        int to = (int) ((long) nRows * (p + 1) / parts);
        if (lo == Float.NEGATIVE_INFINITY) {
            ColumnWalks.walkEveryRowAtMost(w, cols, increments, from, to, columns, nColumns, hi);
        } else {
            ColumnWalks.walkEveryRow(w, cols, increments, from, to, columns, nColumns, lo, hi);
        }
    }
}
