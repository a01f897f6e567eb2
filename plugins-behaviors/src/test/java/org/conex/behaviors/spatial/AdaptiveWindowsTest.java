package org.conex.behaviors.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spec Appendix B.10: floor(i*in/out) .. ceil((i+1)*in/out). */
class AdaptiveWindowsTest {
    private static int[][] windows(int in, int out) {
        AdaptiveWindows w = new AdaptiveWindows(in, out);
        int[][] r = new int[w.size()][];
        for (int i = 0; i < w.size(); i++) {
            r[i] = new int[] {w.start(i), w.end(i)};
        }
        return r;
    }

    @Test
    void appendixB10() {
        assertArrayEquals(new int[][] {{0, 3}, {2, 5}}, windows(5, 2));
        assertArrayEquals(new int[][] {{0, 3}, {2, 5}, {4, 7}}, windows(7, 3));
        int[][] w = windows(28, 14);
        for (int i = 0; i < 14; i++) {
            assertArrayEquals(new int[] {2 * i, 2 * i + 2}, w[i]);
        }
    }

    @Test
    void upsamplingRepeatsInputs() {
        assertArrayEquals(new int[][] {{0, 1}, {0, 2}, {1, 2}}, windows(2, 3));
    }

    @Test
    void coveringListsEveryWindowOfAnInput() {
        AdaptiveWindows w = new AdaptiveWindows(5, 2);
        assertArrayEquals(new int[] {0}, w.covering(1));
        assertArrayEquals(new int[] {0, 1}, w.covering(2));
        assertArrayEquals(new int[] {1}, w.covering(4));
        assertEquals(3, w.length(1));
    }
}
