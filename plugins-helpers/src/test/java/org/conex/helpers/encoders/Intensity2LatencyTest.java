package org.conex.helpers.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conex.api.ConexException;
import org.conex.helpers.TestData;
import org.conex.helpers.encoders.Intensity2Latency.Settings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The seven worked examples of behaviors.md 6.4 (-1 = no spike), plus the Java fixes. */
class Intensity2LatencyTest {

    private static int[] times(int window, Settings s, double... x) {
        INDArray in = TestData.floats(x);
        INDArray copy = in.dup();
        INDArray out = new Intensity2Latency(window, s).transform(in);
        assertTrue(TestData.same(copy, in), "the caller's tensor must not change (BUG-13)");
        assertArrayEquals(new long[] {window, x.length}, out.shape());
        int[] t = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            List<Integer> steps = TestData.spikeSteps(out, i);
            assertTrue(steps.size() <= 1, "at most one spike per pixel");
            t[i] = steps.isEmpty() ? -1 : steps.get(0);
        }
        return t;
    }

    @Test
    void defaults() {
        assertArrayEquals(new int[] {4, 3, 2, 0}, times(5, Settings.defaults(), 0, .25, .5, 1));
    }

    @Test
    void threshold() {
        assertArrayEquals(new int[] {-1, 4, 2, 0}, times(5, Settings.defaults().withThreshold(0.1), 0, .25, .5, 1));
    }

    @Test
    void trims() {
        assertArrayEquals(new int[] {3, 2, 1}, times(5, Settings.defaults().withTrims(false, false), .2, .4, .6));
        assertArrayEquals(new int[] {2, 1, 0}, times(5, Settings.defaults().withTrims(false, true), .2, .4, .6));
        assertArrayEquals(new int[] {4, 3, 1}, times(5, Settings.defaults().withTrims(true, false), .2, .4, .6));
    }

    @Test
    void equalValuesFireLast() {
        assertArrayEquals(new int[] {4, 4}, times(5, Settings.defaults(), .3, .3));
    }

    @Test
    void sparsityQuantile() {
        assertArrayEquals(new int[] {-1, -1, -1, 3, 0}, times(4, Settings.defaults().withSparsity(0.4), .1, .2, .3, .4, .5));
    }

    @Test
    void valueAboveMaxIsClampedToTheFirstStep() {
        // the reference raises an index error here (idx = 9 > T)
        assertArrayEquals(new int[] {3, 0}, times(5, Settings.defaults().withTrims(false, false), .2, 2));
    }

    @Test
    void zeroTrimmedRangeFiresAtTheLastStep() {
        // every non-below pixel equals max_val: range - m = 0; the reference's index is NaN
        assertArrayEquals(new int[] {4, 4}, times(5, Settings.defaults().withTrims(true, false), 1, 1));
    }

    @Test
    void badSettings() {
        assertThrows(ConexException.class, () -> new Intensity2Latency(5, Settings.defaults().withRange(1, 1)));
        assertThrows(ConexException.class, () -> new Intensity2Latency(5, Settings.defaults().withSparsity(1.5)));
        assertThrows(ConexException.class, () -> new Intensity2Latency(0));
    }
}
