package org.conex.api.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

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
    /** Row count from which {@link #addToColumns} walks each column down the rows (stride prefetch). */
    static final int COLUMN_WALK_MIN_ROWS = 64;
    /** Eight bytes of a {@code byte[]} as one little-endian long. */
    private static final VarHandle LITTLE_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Kernels() {
    }

    /**
     * Writes the indices of the non-zero bytes of {@code spikes[0 .. n)} into {@code out} in
     * ascending order.
     *
     * <p>Eight bytes are read at a time and only the non-zero words are decoded: spikes are rare
     * (a few percent of the neurons per step), so most words are skipped with one test, about three
     * times faster than a test per byte (docs/performance.md).
     *
     * @param spikes one byte per neuron, 0 = silent (a {@link Views#bools} view), indexed from 0
     * @param n      number of neurons to scan
     * @param out    receives the indices; needs room for every spike (length n suffices)
     * @return the number of indices written
     */
    public static int spikeIndices(ByteBuffer spikes, int n, int[] out) {
        boolean little = spikes.order() == ByteOrder.LITTLE_ENDIAN;
        int c = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = spikes.getLong(i);
            if (word != 0) {
                c = decode(little ? word : Long.reverseBytes(word), i, out, c);
            }
        }
        for (; i < n; i++) {
            if (spikes.get(i) != 0) {
                out[c++] = i;
            }
        }
        return c;
    }

    /**
     * The number of non-zero bytes of {@code spikes[0 .. n)}: the spike count of a step.
     *
     * <p>Eight bytes at a time, without branches: a byte is non-zero exactly when its top bit is
     * set in {@code w | ((w & 0x7f..7f) + 0x7f..7f)} (the addition of a byte's low seven bits to
     * 0x7f carries into its top bit unless they are all zero, and never across bytes), and one
     * {@link Long#bitCount} counts the eight. Exact for any byte values, not only 0 and 1.
     *
     * @param spikes one byte per neuron, 0 = silent (a {@link Views#bools} view), indexed from 0
     * @param n      number of neurons to count
     * @return how many of the n bytes are non-zero
     */
    public static int countSpikes(ByteBuffer spikes, int n) {
        int c = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            c += Long.bitCount(nonZeroBytes(spikes.getLong(i)));
        }
        for (; i < n; i++) {
            c += spikes.get(i) != 0 ? 1 : 0;
        }
        return c;
    }

    /** The top bit of every non-zero byte of {@code w}, all other bits clear. */
    private static long nonZeroBytes(long w) {
        final long low7 = 0x7F7F7F7F7F7F7F7FL;
        return (w | ((w & low7) + low7)) & ~low7;
    }

    /**
     * {@link #spikeIndices(ByteBuffer, int, int[])} over a heap copy of the spikes (e.g. one the
     * caller needs anyway).
     *
     * @param spikes one byte per neuron, 0 = silent
     * @param n      number of neurons to scan ({@code <= spikes.length})
     * @param out    receives the indices in ascending order; needs room for every spike
     * @return the number of indices written
     */
    public static int spikeIndices(byte[] spikes, int n, int[] out) {
        int c = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = (long) LITTLE_LONGS.get(spikes, i);
            if (word != 0) {
                c = decode(word, i, out, c);
            }
        }
        for (; i < n; i++) {
            if (spikes[i] != 0) {
                out[c++] = i;
            }
        }
        return c;
    }

    /**
     * Whether {@code values[0 .. n)} all equal {@code value} (e.g. one delay shared by every
     * neuron): a bulk copy into {@code scratch}, then the first value against {@code value} and
     * the copy against itself shifted by one ({@link Arrays#equals(long[], int, int, long[], int, int)},
     * a vectorised intrinsic; all equal to the first and the first equal to {@code value}). About
     * half the time of an OR-reduction loop, which C2 in Java 17 does not vectorise (1,000 values:
     * 180 instead of 350-470 ns), and far less than a test per element on the buffer.
     *
     * @param scratch work array of length at least {@code n} (its contents are overwritten)
     */
    public static boolean allEqual(LongBuffer values, int n, long value, long[] scratch) {
        if (n == 0) {
            return true;
        }
        values.get(0, scratch, 0, n);
        return scratch[0] == value && Arrays.equals(scratch, 0, n - 1, scratch, 1, n);
    }

    /** Appends {@code at + b} for each non-zero byte b of a little-endian word, ascending. */
    private static int decode(long word, int at, int[] out, int c) {
        long w = word;
        while (w != 0) {
            int b = Long.numberOfTrailingZeros(w) >>> 3;
            out[c++] = at + b;
            w &= ~(0xFFL << (b << 3));
        }
        return c;
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

    /**
     * The column update of event-driven plasticity: for the k-th listed row r and every listed
     * column j, {@code w[r, j] = clamp(w[r, j] + increments[k], lo, hi)} in a row-major
     * {@code [*, cols]} float32 matrix (e.g. the potentiation of the silent sources' rows in the
     * columns of the destinations that spiked). These entries are scattered over the matrix and are
     * mostly cache misses. With many rows (at least {@value #COLUMN_WALK_MIN_ROWS}) each column is
     * walked down the listed rows on its own: the addresses then advance by a near-constant stride
     * that the hardware's stride prefetcher follows, so the misses are fetched ahead (measured 2x
     * faster than row-by-row on a 2,500 x 2,500 matrix); two columns are walked side by side (two
     * independent streams, and the row index and increment are loaded once for both: another 1.2-1.3x on
     * the 2,500 x 2,500 and 250 x 1,000 matrices of the benchmarks). With few rows, whose strides are
     * irregular, four rows are updated per pass over the columns instead: four independent
     * read-modify-writes in flight instead of one. Each entry is updated once either way, so the
     * result does not depend on the order. With infinite bounds nothing is clamped.
     *
     * <p>{@code clamp(x, -inf, hi)} is {@code min(x, hi)} for every x (NaN and signed zeros
     * included), so with {@code lo = -inf} the column walk applies only the upper bound, about half
     * the clamp's cost: a caller that knows no written value can fall below its lower bound passes
     * {@code Float.NEGATIVE_INFINITY} (see {@link WeightChanges#offerBounds}).
     *
     * @param rows       row indices (ascending for locality), the first {@code nRows} used
     * @param increments the increment of each listed row (same indexing as {@code rows})
     * @param columns    column indices (distinct), the first {@code nColumns} used
     */
    public static void addToColumns(FloatBuffer w, int cols, int[] rows, float[] increments, int nRows, int[] columns,
                                    int nColumns, float lo, float hi) {
        if (nRows >= COLUMN_WALK_MIN_ROWS && lo == Float.NEGATIVE_INFINITY) {
            ColumnWalks.walkColumnsAtMost(w, cols, rows, increments, nRows, columns, nColumns, hi);
        } else if (nRows >= COLUMN_WALK_MIN_ROWS) {
            ColumnWalks.walkColumns(w, cols, rows, increments, nRows, columns, nColumns, lo, hi);
        } else {
            ColumnWalks.rowBlocks(w, cols, rows, increments, nRows, columns, nColumns, lo, hi);
        }
    }

    /**
     * {@link #addToColumns} over every row {@code 0 .. nRows)}, each with its own increment: for
     * every row r and listed column j, {@code w[r, j] = clamp(w[r, j] + increments[r], lo, hi)}.
     *
     * <p>A row that must not change (e.g. the row of a source that spiked, updated as a whole just
     * before) gets the increment {@code -0.0f}: {@code x + (-0.0f)} is x for every x, so its entries
     * stay as they are, bit for bit, provided they are fixed points of {@code clamp(., lo, hi)}:
     * values that a clamp to the same bounds wrote, or any values when nothing is clamped. Walking
     * the rows by index instead of through a row list makes every address an affine function of
     * the loop's counter, so the JIT hoists the bounds checks out of the loop: 15-20% less time
     * than {@link #addToColumns} for the same entries (250 x 1,000 matrix, 21 columns, 244 of 250
     * rows; docs/performance.md), and no row list to build. Each column is walked down the rows,
     * two columns side by side, as in {@link #addToColumns}; {@code lo = -inf} applies only the
     * upper bound.
     *
     * @param w          row-major {@code [nRows, cols]} float32 weights (at least that many)
     * @param increments one increment per row, at least {@code nRows}
     * @param columns    column indices (distinct), the first {@code nColumns} used
     * @throws IndexOutOfBoundsException if a column is outside {@code [0, cols)}, the buffer's
     *         limit is below {@code nRows * cols} or there are fewer increments than rows (checked
     *         before anything is written)
     */
    public static void addToColumnsOfEveryRow(FloatBuffer w, int cols, float[] increments, int nRows, int[] columns,
                                              int nColumns, float lo, float hi) {
        checkEveryRow(w, cols, increments, nRows, columns, nColumns);
        if (lo == Float.NEGATIVE_INFINITY) {
            ColumnWalks.walkEveryRowAtMost(w, cols, increments, 0, nRows, columns, nColumns, hi);
        } else {
            ColumnWalks.walkEveryRow(w, cols, increments, 0, nRows, columns, nColumns, lo, hi);
        }
    }

    /**
     * The argument checks of {@link #addToColumnsOfEveryRow} (also made by {@link ColumnUpdates}
     * before any thread writes).
     *
     * @throws IndexOutOfBoundsException as {@link #addToColumnsOfEveryRow} documents
     */
    static void checkEveryRow(FloatBuffer w, int cols, float[] increments, int nRows, int[] columns, int nColumns) {
        java.util.Objects.checkFromIndexSize(0, nRows, increments.length);
        java.util.Objects.checkFromIndexSize(0, Math.multiplyExact(nRows, cols), w.limit());
        java.util.Objects.checkFromIndexSize(0, nColumns, columns.length);
        for (int k = 0; k < nColumns; k++) {
            java.util.Objects.checkIndex(columns[k], cols);
        }
    }
}
