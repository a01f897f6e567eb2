package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link RowSums} and {@link ColumnUpdates} split over threads give the one-thread result bit for
 * bit, whichever thread runs which part and in which order.
 */
class SplitKernelsTest {
    /** Runs every part on its own new thread, started last part first, all at once. */
    static final class ScrambledThreads implements KernelThreads {
        private final int count;
        final List<Integer> splits = new ArrayList<>();

        ScrambledThreads(int count) {
            this.count = count;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void run(int parts, Part part) {
            KernelThreads.checkParts(parts);
            splits.add(parts);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] threads = new Thread[parts];
            for (int p = parts - 1; p >= 0; p--) {
                int index = p;
                threads[p] = new Thread(() -> part.run(index, parts));
                threads[p].setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
                threads[p].start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            if (failure.get() instanceof RuntimeException r) {
                throw r;
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        }
    }

    private static FloatBuffer floats(float[] values) {
        FloatBuffer b = Views.floats(Tensors.zeros(DType.FLOAT32.nd4j(), values.length));
        b.put(0, values);
        return b;
    }

    private static float[] read(FloatBuffer b) {
        float[] out = new float[b.capacity()];
        b.get(0, out);
        return out;
    }

    @Test
    void rowSumsSplitByColumnsEqualOneThreadBitForBit() {
        Random r = new Random(5);
        int rows = 600; // 600 x 2,048 floats = 4.9 MB: above RowSums.PARALLEL_MIN_BYTES
        // 7,500 (the paper's network), 3,001 (ends mid-line, odd ranges), 2,048 (two ranges exactly)
        for (int cols : new int[] {7500, 3001, 2048}) {
            float[] w = new float[rows * cols];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (r.nextGaussian() * 1e3);
            }
            FloatBuffer wb = floats(w);
            int[] order = new int[40];
            for (int k = 0; k < order.length; k++) {
                order[k] = r.nextInt(rows);
            }
            for (int threads : new int[] {2, 3, 4}) {
                ScrambledThreads split = new ScrambledThreads(threads);
                RowSums one = new RowSums(cols);
                RowSums many = new RowSums(cols);
                for (int count : new int[] {0, 1, 5, 8, 13, 16, 17, 40}) {
                    float[] expected = new float[cols + 1];
                    float[] actual = new float[cols + 1];
                    expected[cols] = 42f;
                    actual[cols] = 42f;
                    java.util.Arrays.fill(actual, 0, cols, Float.NaN); // overwritten, not added to
                    one.sum(wb, order, count, expected);
                    int before = split.splits.size();
                    many.sum(wb, order, count, actual, split);
                    String what = "cols " + cols + ", threads " + threads + ", count " + count;
                    for (int j = 0; j <= cols; j++) {
                        assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(actual[j]),
                                what + ", column " + j);
                    }
                    boolean large = (long) count * cols >= RowSums.PARALLEL_MIN;
                    int expectedParts = Math.min(threads, cols / 1024);
                    assertEquals(large ? 1 : 0, split.splits.size() - before, what + ": split only when large");
                    if (large) {
                        assertEquals(expectedParts, split.splits.get(before), what);
                    }
                }
            }
        }
    }

    @Test
    void columnUpdatesSplitByRowsEqualTheKernelBitForBit() {
        float[] specials = {Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -1e30f, 2f, 0.5f,
            0.95f, 0.05f};
        Random r = new Random(8);
        int rows = 301;
        int cols = 3500; // 301 x 3,500 floats = 4.2 MB: above ColumnUpdates.PARALLEL_MIN_BYTES
        int nColumns = 120; // 301 x 120 = 36,120 updates: above ColumnUpdates.PARALLEL_MIN
        int[] columns = new int[nColumns];
        for (int k = 0; k < nColumns; k++) {
            columns[k] = (k * 37) % cols; // distinct: 37 and 3,500 are coprime
        }
        for (float lo : new float[] {0.05f, Float.NEGATIVE_INFINITY}) {
            for (float hi : new float[] {0.95f, Float.POSITIVE_INFINITY}) {
                for (int threads : new int[] {2, 3, 5}) {
                    float[] w = new float[rows * cols];
                    float[] inc = new float[rows];
                    for (int k = 0; k < rows; k++) {
                        boolean kept = k % 7 == 3;
                        inc[k] = kept ? -0f : (float) (r.nextDouble() - 0.3) * 0.4f;
                        for (int j = 0; j < cols; j++) {
                            float v = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : (float) r.nextDouble();
                            w[k * cols + j] = kept ? Kernels.clamp(v, lo, hi) : v;
                        }
                    }
                    FloatBuffer one = floats(w);
                    FloatBuffer many = floats(w);
                    ScrambledThreads split = new ScrambledThreads(threads);
                    Kernels.addToColumnsOfEveryRow(one, cols, inc, rows, columns, nColumns, lo, hi);
                    new ColumnUpdates().addToEveryRow(many, cols, inc, rows, columns, nColumns, lo, hi, split);
                    assertEquals(List.of(Math.min(threads, rows / 64)), split.splits,
                            "one range of rows per thread, at least 64 rows each");
                    float[] a = read(one);
                    float[] b = read(many);
                    for (int e = 0; e < a.length; e++) {
                        if (Float.floatToRawIntBits(a[e]) != Float.floatToRawIntBits(b[e])) {
                            assertEquals(Float.floatToRawIntBits(a[e]), Float.floatToRawIntBits(b[e]),
                                    "lo " + lo + ", hi " + hi + ", threads " + threads + ", entry " + e);
                        }
                    }
                }
            }
        }
    }

    @Test
    void smallWorkFewRowsOrASmallMatrixStayInTheCaller() {
        ScrambledThreads split = new ScrambledThreads(4);
        float[] w = new float[200 * 100];
        int[] all = new int[100];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        ColumnUpdates updates = new ColumnUpdates();
        updates.addToEveryRow(floats(w), 100, new float[200], 200, all, 100, 0f, 1f, split); // 20,000 updates
        float[] narrow = new float[100 * 400];
        int[] many = new int[400];
        for (int k = 0; k < many.length; k++) {
            many[k] = k;
        }
        updates.addToEveryRow(floats(narrow), 400, new float[100], 100, many, 400, 0f, 1f, split); // 100 rows
        float[] small = new float[300 * 1000]; // 1.2 MB: stays in one core's cache
        updates.addToEveryRow(floats(small), 1000, new float[300], 300, many, 400, 0f, 1f, split); // 120,000 updates
        RowSums sums = new RowSums(3000);
        int[] rows = new int[300];
        sums.sum(floats(new float[300 * 3000]), rows, 300, new float[3000], split); // 3.6 MB, 900,000 floats
        assertEquals(List.of(), split.splits);
    }

    @Test
    void columnUpdatesCheckTheirIndicesBeforeAnyThreadWrites() {
        int rows = 300;
        int cols = 3500;
        float[] w = new float[rows * cols];
        java.util.Arrays.fill(w, 0.5f);
        int[] columns = new int[150];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = k;
        }
        columns[149] = cols; // out of range, last
        FloatBuffer b = floats(w);
        float[] inc = new float[rows];
        java.util.Arrays.fill(inc, 0.1f);
        ScrambledThreads split = new ScrambledThreads(2);
        ColumnUpdates updates = new ColumnUpdates();
        assertThrows(IndexOutOfBoundsException.class,
                () -> updates.addToEveryRow(b, cols, inc, rows, columns, 150, 0f, 1f, split));
        assertThrows(IndexOutOfBoundsException.class,
                () -> updates.addToEveryRow(b, cols, new float[rows - 1], rows, columns, 149, 0f, 1f, split));
        assertThrows(IndexOutOfBoundsException.class,
                () -> updates.addToEveryRow(b, cols, inc, rows, new int[10], 149, 0f, 1f, split));
        assertArrayEquals(w, read(b), "nothing written");
        assertEquals(List.of(), split.splits, "no part started");
    }

    @Test
    void columnRangesTileTheRowOnLineBoundaries() {
        for (int cols : new int[] {0, 1, 17, 2048, 3001, 7500}) {
            for (int parts = 1; parts <= 7; parts++) {
                assertEquals(0, RowSums.rangeStart(cols, 0, parts));
                assertEquals(cols, RowSums.rangeStart(cols, parts, parts));
                for (int p = 1; p < parts; p++) {
                    int start = RowSums.rangeStart(cols, p, parts);
                    assertTrue(start >= RowSums.rangeStart(cols, p - 1, parts) && start <= cols);
                    assertTrue(start % 16 == 0 || start == cols, cols + " " + p + "/" + parts + ": " + start);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RowSums.rangeStart(100, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> RowSums.rangeStart(100, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> RowSums.rangeStart(100, 0, 0));
        assertEquals(1, RowSums.columnParts(1000, new ScrambledThreads(4)), "under 2,048 columns: one range");
        assertEquals(3, RowSums.columnParts(7500, new ScrambledThreads(3)));
    }

    @Test
    void singleRunsThePartsInOrderAndChecksTheirNumber() {
        List<String> ran = new ArrayList<>();
        KernelThreads.SINGLE.run(3, (p, n) -> ran.add(p + "/" + n));
        assertEquals(List.of("0/3", "1/3", "2/3"), ran);
        assertEquals(1, KernelThreads.SINGLE.count());
        assertThrows(IllegalArgumentException.class, () -> KernelThreads.SINGLE.run(0, (p, n) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> KernelThreads.SINGLE.run(KernelThreads.MAX_PARTS + 1, (p, n) -> { }));
        assertTrue(KernelThreads.SINGLE.toString().contains("SINGLE"));
        List<Integer> all = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelThreads.SINGLE.run(4, (p, n) -> {
            all.add(p);
            if (p == 1 || p == 2) {
                throw new IllegalStateException("part " + p);
            }
        }));
        assertEquals(List.of(0, 1, 2, 3), all, "every part runs, as on several threads");
        assertEquals("part 1", e.getMessage());
        assertEquals("part 2", e.getSuppressed()[0].getMessage());
    }
}
