package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The event-driven kernels against plain loops, bit for bit. */
class KernelsTest {
    private static FloatBuffer floats(float[] values) {
        FloatBuffer b = Views.floats(Tensors.zeros(DType.FLOAT32.nd4j(), values.length));
        b.put(0, values);
        return b;
    }

    @Test
    void sumRowsAddsTheRowsInTheGivenOrderForEveryCount() {
        // counts 0..19 cover no rows, the single-row tail, blocks of four, and one or two blocks of
        // eight with the interleaved touch; 37 columns span several cache lines and end mid-line
        for (int cols : new int[] {7, 37}) {
            sumRowsCase(cols);
        }
    }

    private static void sumRowsCase(int cols) {
        Random r = new Random(3);
        int rows = 23;
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * 1e3);
        }
        FloatBuffer wb = floats(w);
        int[] order = {9, 2, 5, 0, 10, 3, 3, 8, 1, 22, 17, 4, 4, 13, 7, 21, 6, 11, 19};
        RowSums sums = new RowSums(cols);
        for (int count = 0; count <= order.length; count++) {
            float[] expected = new float[cols];
            for (int k = 0; k < count; k++) {
                for (int j = 0; j < cols; j++) {
                    expected[j] += w[order[k] * cols + j];
                }
            }
            float[] acc = new float[cols + 2];
            acc[cols + 1] = 42f;
            sums.sum(wb, order, count, acc);
            for (int j = 0; j < cols; j++) {
                assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(acc[j]),
                        "cols " + cols + ", count " + count + ", column " + j);
            }
            assertEquals(42f, acc[cols + 1], "entries beyond cols are left alone");
        }
    }

    @Test
    void spikeIndicesListsNonZeroBytesAscending() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0, 1, 0, 0, 5, 1, 0});
        int[] out = new int[7];
        assertEquals(3, Kernels.spikeIndices(b, 7, out));
        assertArrayEquals(new int[] {1, 4, 5}, java.util.Arrays.copyOf(out, 3));
        assertEquals(1, Kernels.spikeIndices(b, 4, out));
    }

    @Test
    void countSpikesCountsEveryNonZeroByteValueAtEveryPositionOfAWord() {
        for (int value = -128; value <= 127; value++) {
            for (int at = 0; at < 8; at++) {
                byte[] h = new byte[16];
                h[at] = (byte) value;
                h[8 + (at + 3) % 8] = (byte) value; // second word, other position, also counted
                h[15] = (byte) 0x80; // a neighbour with only the top bit set must not carry into it
                int expected = 0;
                for (byte x : h) {
                    expected += x != 0 ? 1 : 0;
                }
                ByteBuffer b = ByteBuffer.allocateDirect(16);
                b.put(0, h);
                assertEquals(expected, Kernels.countSpikes(b, 16), "value " + value + " at " + at);
                assertEquals(value != 0 ? 1 : 0, Kernels.countSpikes(b, at + 1) - Kernels.countSpikes(b, at),
                        "value " + value + " at " + at + ", the tail loop");
            }
        }
    }

    @Test
    void spikeIndicesWordScanEqualsAByteLoopForEveryLengthOrderAndValue() {
        Random r = new Random(11);
        byte[] values = {1, -1, 0x7f, (byte) 0x80, 2};
        for (int n = 0; n <= 70; n++) {
            for (double density : new double[] {0, 0.05, 0.5, 1}) {
                byte[] h = new byte[n + 5];
                for (int i = 0; i < h.length; i++) {
                    h[i] = r.nextDouble() < density ? values[r.nextInt(values.length)] : 0;
                }
                int[] expected = new int[n];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (h[i] != 0) {
                        expected[count++] = i;
                    }
                }
                String what = "n " + n + ", density " + density;
                int[] out = new int[n];
                assertEquals(count, Kernels.spikeIndices(h, n, out), what + ", byte[]");
                assertArrayEquals(java.util.Arrays.copyOf(expected, count), java.util.Arrays.copyOf(out, count), what);
                for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    // a direct buffer that starts 3 bytes into its memory, as a view of an array slice does
                    ByteBuffer all = ByteBuffer.allocateDirect(h.length + 3);
                    all.position(3);
                    ByteBuffer b = all.slice().order(order);
                    b.put(0, h);
                    java.util.Arrays.fill(out, -1);
                    assertEquals(count, Kernels.spikeIndices(b, n, out), what + ", " + order);
                    assertArrayEquals(java.util.Arrays.copyOf(expected, count), java.util.Arrays.copyOf(out, count),
                            what + ", " + order);
                    assertEquals(count, Kernels.spikeIndices(ByteBuffer.wrap(h).order(order), n, out),
                            what + ", heap " + order);
                    assertEquals(count, Kernels.countSpikes(b, n), what + ", count, " + order);
                }
            }
        }
    }

    @Test
    void allEqualComparesEveryValueOfTheRange() {
        java.nio.LongBuffer b = java.nio.LongBuffer.wrap(new long[] {3, 3, 3, 3, 3, -3, 3});
        long[] scratch = new long[7];
        assertEquals(true, Kernels.allEqual(b, 5, 3, scratch), "the first five are 3");
        assertEquals(false, Kernels.allEqual(b, 6, 3, scratch), "the sixth differs");
        assertEquals(false, Kernels.allEqual(b, 5, 4, scratch));
        assertEquals(true, Kernels.allEqual(b, 0, 4, scratch), "an empty range");
        for (int at = 0; at < 7; at++) {
            long[] v = {0, 0, 0, 0, 0, 0, 0};
            v[at] = Long.MIN_VALUE;
            assertEquals(false, Kernels.allEqual(java.nio.LongBuffer.wrap(v), 7, 0, scratch), "differs at " + at);
        }
        assertEquals(true, Kernels.allEqual(java.nio.LongBuffer.wrap(new long[] {9}), 1, 9, scratch), "one value");
        assertEquals(false, Kernels.allEqual(java.nio.LongBuffer.wrap(new long[] {9}), 1, 8, scratch));
    }

    @Test
    void allEqualOnALongDirectBufferFindsASingleDifferenceAnywhere() {
        int n = 1000;
        java.nio.LongBuffer b = java.nio.ByteBuffer.allocateDirect(8 * n).order(java.nio.ByteOrder.nativeOrder())
                .asLongBuffer();
        long[] scratch = new long[n];
        for (int i = 0; i < n; i++) {
            b.put(i, 2);
        }
        assertEquals(true, Kernels.allEqual(b, n, 2, scratch));
        assertEquals(false, Kernels.allEqual(b, n, 3, scratch), "all equal, but not to the value asked");
        for (int at : new int[] {0, 1, 499, 998, 999}) {
            b.put(at, 2 + (1L << 40));
            assertEquals(false, Kernels.allEqual(b, n, 2, scratch), "differs at " + at);
            b.put(at, 2);
        }
    }

    @Test
    void clampIsMinOfMaxAndKeepsNan() {
        assertEquals(0f, Kernels.clamp(-2f, 0f, 1f));
        assertEquals(1f, Kernels.clamp(3f, 0f, 1f));
        assertEquals(0.5f, Kernels.clamp(0.5f, 0f, 1f));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Kernels.clamp(-0f, -1f, 1f)));
        assertEquals(Float.NaN, Kernels.clamp(Float.NaN, 0f, 1f));
        assertEquals(-7.0, Kernels.clamp(-7.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Test
    void clipRangesAndColumns() {
        FloatBuffer w = floats(new float[] {-1, 2, 0.5f, 3, -4, 0.25f});
        Kernels.clip(w, 1, 4, 0f, 1f);
        assertArrayEquals(new float[] {-1, 1, 0.5f, 1, -4, 0.25f}, read(w));
        FloatBuffer m = floats(new float[] {5, -1, 7, 0.5f, 9, -3});
        Kernels.clipColumns(m, 2, 3, new int[] {0, 2, 1}, 2, 0f, 1f);
        assertArrayEquals(new float[] {1, -1, 1, 0.5f, 9, 0}, read(m));
    }

    @Test
    void addToColumnsEqualsRowByRowUpdatesForEveryRowCount() {
        Random r = new Random(8);
        int rows = 9;
        int cols = 6;
        int[] columns = {0, 2, 5};
        for (int nRows = 0; nRows <= rows; nRows++) {
            float[] w = new float[rows * cols];
            for (int e = 0; e < w.length; e++) {
                w[e] = (float) r.nextDouble();
            }
            FloatBuffer b = floats(w);
            int[] listed = {8, 1, 4, 0, 7, 2, 6, 3, 5};
            float[] inc = new float[rows];
            for (int k = 0; k < rows; k++) {
                inc[k] = (float) (r.nextDouble() - 0.3);
            }
            Kernels.addToColumns(b, cols, listed, inc, nRows, columns, 3, 0.1f, 0.9f);
            for (int k = 0; k < nRows; k++) {
                for (int j : columns) {
                    int e = listed[k] * cols + j;
                    w[e] = Kernels.clamp(w[e] + inc[k], 0.1f, 0.9f);
                }
            }
            assertArrayEquals(w, read(b), "rows " + nRows);
        }
    }

    @Test
    void addToColumnsWalksColumnsForManyRowsWithTheSameResult() {
        int[] all = {10, 3, 4, 0, 7};
        for (int nColumns = 0; nColumns <= all.length; nColumns++) {
            walkColumnsCase(java.util.Arrays.copyOf(all, nColumns), 0.05f);
            walkColumnsCase(java.util.Arrays.copyOf(all, nColumns), Float.NEGATIVE_INFINITY);
        }
    }

    @Test
    void anInfiniteLowerBoundAppliesOnlyTheUpperOneForEveryValue() {
        // the column walk's upper-bound-only loop against clamp(x, -inf, hi), bit for bit, on
        // values that make min and max differ: NaN of both signs, zeros of both signs, infinities
        float[] specials = {Float.NaN, Float.intBitsToFloat(0xffc00000), -0f, 0f, Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY, -1e30f, 2f, 0.5f};
        int rows = Kernels.COLUMN_WALK_MIN_ROWS + 3;
        int cols = 5;
        for (float hi : new float[] {1f, 0f, -0f, Float.POSITIVE_INFINITY}) {
            float[] w = new float[rows * cols];
            float[] inc = new float[rows];
            int[] listed = new int[rows];
            for (int k = 0; k < rows; k++) {
                listed[k] = k;
                inc[k] = specials[(k / specials.length) % specials.length];
                for (int j = 0; j < cols; j++) {
                    w[k * cols + j] = specials[(k + j) % specials.length];
                }
            }
            FloatBuffer b = floats(w);
            int[] columns = {4, 1, 2};
            Kernels.addToColumns(b, cols, listed, inc, rows, columns, columns.length, Float.NEGATIVE_INFINITY, hi);
            for (int k = 0; k < rows; k++) {
                for (int j : columns) {
                    int e = k * cols + j;
                    float x = w[e] + inc[k];
                    w[e] = Kernels.clamp(x, Float.NEGATIVE_INFINITY, hi);
                    assertEquals(Float.floatToRawIntBits(Math.min(x, hi)), Float.floatToRawIntBits(w[e]),
                            "clamp(" + x + ", -inf, " + hi + ") is min(x, hi)");
                }
            }
            float[] got = read(b);
            for (int e = 0; e < w.length; e++) {
                assertEquals(Float.floatToRawIntBits(w[e]), Float.floatToRawIntBits(got[e]), "hi " + hi + ", entry " + e);
            }
        }
    }

    @Test
    void addToColumnsOfEveryRowEqualsTheRowListWalkAndLeavesMinusZeroRowsBitForBit() {
        float[] specials = {Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -1e30f, 2f, 0.5f,
            0.95f, 0.05f};
        Random r = new Random(12);
        int rows = 23;
        int cols = 9;
        for (float lo : new float[] {0.05f, Float.NEGATIVE_INFINITY}) {
            for (float hi : new float[] {0.95f, Float.POSITIVE_INFINITY}) {
                for (int nColumns = 0; nColumns <= 5; nColumns++) {
                    int[] columns = java.util.Arrays.copyOf(new int[] {8, 0, 3, 4, 6}, nColumns);
                    float[] w = new float[rows * cols];
                    float[] inc = new float[rows];
                    boolean[] kept = new boolean[rows];
                    int[] listed = new int[rows];
                    int nListed = 0;
                    for (int k = 0; k < rows; k++) {
                        kept[k] = k % 4 == 1;
                        inc[k] = kept[k] ? -0f : (float) (r.nextDouble() - 0.3) * 0.4f;
                        for (int j = 0; j < cols; j++) {
                            float v = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : (float) r.nextDouble();
                            // a kept row holds what a clamp to the same bounds wrote (its fixed points)
                            w[k * cols + j] = kept[k] ? Kernels.clamp(v, lo, hi) : v;
                        }
                        if (!kept[k]) {
                            listed[nListed++] = k;
                        }
                    }
                    float[] listInc = new float[rows];
                    for (int k = 0; k < nListed; k++) {
                        listInc[k] = inc[listed[k]];
                    }
                    FloatBuffer every = floats(w);
                    FloatBuffer list = floats(w);
                    Kernels.addToColumnsOfEveryRow(every, cols, inc, rows, columns, nColumns, lo, hi);
                    Kernels.addToColumns(list, cols, listed, listInc, nListed, columns, nColumns, lo, hi);
                    float[] a = read(every);
                    float[] b = read(list);
                    for (int e = 0; e < w.length; e++) {
                        String what = "lo " + lo + ", hi " + hi + ", columns " + nColumns + ", entry " + e;
                        assertEquals(Float.floatToRawIntBits(b[e]), Float.floatToRawIntBits(a[e]), what);
                        if (kept[e / cols]) {
                            assertEquals(Float.floatToRawIntBits(w[e]), Float.floatToRawIntBits(a[e]), what + " kept");
                        }
                    }
                }
            }
        }
    }

    @Test
    void addToColumnsOfEveryRowChecksItsIndicesBeforeWriting() {
        FloatBuffer w = floats(new float[] {1, 2, 3, 4, 5, 6});
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.addToColumnsOfEveryRow(w, 3, new float[] {1, 1}, 2, new int[] {0, 3}, 2, 0f, 9f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.addToColumnsOfEveryRow(w, 3, new float[] {1, 1, 1}, 3, new int[] {0}, 1, 0f, 9f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.addToColumnsOfEveryRow(w, 3, new float[] {1}, 2, new int[] {0}, 1, 0f, 9f));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, read(w), "nothing written");
        FloatBuffer limited = floats(new float[] {1, 2, 3, 4, 5, 6});
        limited.limit(4); // the buffer's accessible part, not its capacity, bounds the matrix
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.addToColumnsOfEveryRow(limited, 3, new float[] {1, 1}, 2, new int[] {0}, 1, 0f, 9f));
        limited.limit(6);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, read(limited), "nothing written below the limit either");
    }

    /** Column walk (in pairs, then a last single column) against the plain definition. */
    private static void walkColumnsCase(int[] columns, float lo) {
        Random r = new Random(9);
        int rows = Kernels.COLUMN_WALK_MIN_ROWS + 37;
        int cols = 11;
        float[] w = new float[rows * cols];
        for (int e = 0; e < w.length; e++) {
            w[e] = (float) r.nextDouble();
        }
        FloatBuffer b = floats(w);
        int nRows = rows - 5;
        int[] listed = new int[rows];
        float[] inc = new float[rows];
        for (int k = 0; k < rows; k++) {
            listed[k] = (k * 7) % rows;
            inc[k] = (float) (r.nextDouble() - 0.4) * 0.5f;
        }
        Kernels.addToColumns(b, cols, listed, inc, nRows, columns, columns.length, lo, 0.95f);
        for (int k = 0; k < nRows; k++) {
            for (int j : columns) {
                int e = listed[k] * cols + j;
                w[e] = Kernels.clamp(w[e] + inc[k], lo, 0.95f);
            }
        }
        assertArrayEquals(w, read(b), "columns " + columns.length + ", lo " + lo);
    }

    private static float[] read(FloatBuffer b) {
        float[] out = new float[b.capacity()];
        b.get(0, out);
        return out;
    }
}
