package org.conex.behaviors.dendrites;

import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conex.api.model.NeuronShape;
import org.conex.behaviors.spatial.SpatialFixture;
import org.junit.jupiter.api.Test;

/** Spec section 8.1 test 28 and Appendix B.10 (non-divisible, overlapping windows). */
class AveragePool2DTest {
    private static double[] pool(NeuronShape src, NeuronShape dst, int[] spikes, Object... params) {
        SpatialFixture f = new SpatialFixture(src, dst);
        f.add(AveragePool2D.TYPE, params);
        f.initialize();
        f.putSpikes("pre_spike", spikes);
        f.forward(f.syn.behavior("AveragePool2D"));
        return f.values("I");
    }

    @Test
    void divisible4To2() {
        int[] s = {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(new double[] {1, 0, 0, 0}, pool(shape(1, 4, 4), shape(1, 2, 2), s));
    }

    @Test
    void nonDivisible5To2UsesOverlappingWindows() {
        // rows and columns [0,3) and [2,5); spikes at (2,2) (in all four windows) and (0,4), (4,0)
        int[] s = new int[25];
        s[2 * 5 + 2] = 1;
        s[0 * 5 + 4] = 1;
        s[4 * 5 + 0] = 1;
        double n = 9;
        assertArrayEquals(new double[] {(float) (1 / n), (float) (2 / n), (float) (2 / n), (float) (1 / n)},
                pool(shape(1, 5, 5), shape(1, 2, 2), s));
    }

    @Test
    void nonSquareWindowsPerChannelWithCoefficient() {
        // 2 channels of 3x4 pooled to 2x3: rows [0,2) [1,3); columns [0,2) [1,3) [2,4)
        int[] s = new int[24];
        s[0] = 1; // channel 0, (0,0): window (0,0) only
        s[12 + 1 * 4 + 3] = 1; // channel 1, (1,3): windows (0,2) and (1,2)
        double q = (float) (1.0 / 2 / 2) * 2;
        assertArrayEquals(new double[] {q, 0, 0, 0, 0, 0, 0, 0, q, 0, 0, q},
                pool(shape(2, 3, 4), shape(2, 2, 3), s, "current_coef", 2.0));
    }

    @Test
    void float64DividesInDouble() {
        SpatialFixture f = new SpatialFixture(org.conex.api.tensor.DType.FLOAT64, shape(1, 3, 3), shape(1, 1, 1));
        f.add(AveragePool2D.TYPE);
        f.initialize();
        f.putSpikes("pre_spike", 1, 0, 0, 0, 0, 0, 0, 0, 0);
        f.forward(f.syn.behavior("AveragePool2D"));
        assertArrayEquals(new double[] {1.0 / 3 / 3}, f.values("I"));
    }

    @Test
    void depthMismatchIsRejected() {
        SpatialFixture f = new SpatialFixture(shape(2, 4, 4), shape(1, 2, 2));
        f.add(AveragePool2D.TYPE);
        assertEquals("AveragePool2D on 's': needs equal depths (pooling is per channel), but source 'src' has shape "
                + "2x4x4 and destination 'dst' has shape 1x2x2", f.assertInitFails());
    }
}
