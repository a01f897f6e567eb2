package org.conex.helpers.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** behaviors.md 6.2 worked values (size 3, sigma1 1, sigma2 2), 1e-6 absolute tolerance. */
class DoGFilterTest {
    private static final double TOL = 1e-6;

    private static double[] dog(boolean zeroMean, boolean oneSum) {
        INDArray k = DoGFilter.kernel(3, 1, 2, 1.0, zeroMean, oneSum, DType.FLOAT64);
        assertArrayEquals(new long[] {3, 3}, k.shape());
        return Tensors.toDoubles(k);
    }

    private static double[] pattern(double corner, double edge, double centre) {
        return new double[] {corner, edge, corner, edge, centre, edge, corner, edge, corner};
    }

    @Test
    void plain() {
        assertArrayEquals(pattern(-0.008586, 0.065938, 0.199471), dog(false, false), TOL);
    }

    /** Closed form of one entry: (exp(-r2/2)/1 - exp(-r2/8)/2) / sqrt(2 pi) with r2 = 2 at a corner. */
    @Test
    void closedFormCorner() {
        double corner = (Math.exp(-1.0) - Math.exp(-0.25) / 2) / Math.sqrt(2 * Math.PI);
        assertEquals(corner, dog(false, false)[0], 1e-15);
    }

    @Test
    void zeroMeanScalesTheNegativeCorners() {
        double[] k = dog(true, false);
        assertArrayEquals(pattern(-0.115806, 0.065938, 0.199471), k, TOL);
        assertEquals(0, sum(k), 1e-12);
    }

    @Test
    void zeroMeanAndOneSum() {
        double[] k = dog(true, true);
        assertArrayEquals(pattern(-0.125, 0.071173, 0.215308), k, TOL);
        assertEquals(1, sumAbs(k), 1e-12);
    }

    @Test
    void oneSumAlone() {
        double[] plain = dog(false, false);
        double[] k = dog(false, true);
        double s = sumAbs(plain);
        for (int i = 0; i < 9; i++) {
            assertEquals(plain[i] / s, k[i], 1e-15);
        }
    }

    @Test
    void gridCoordinates() {
        assertArrayEquals(new double[] {-1.5, -0.5, 0.5, 1.5}, KernelGrid.coordinates(4, 1.0), 0);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, KernelGrid.coordinates(3, 0.5), 0);
        assertArrayEquals(new long[] {4, 4}, DoGFilter.kernel(4, 1, 2).shape());
    }

    @Test
    void zeroMeanWithoutNegativesChangesNothing() {
        double[] k = {1, 2, 0};
        KernelGrid.zeroMean(k);
        assertArrayEquals(new double[] {1, 2, 0}, k, 0);
    }

    static double sum(double[] k) {
        double s = 0;
        for (double v : k) {
            s += v;
        }
        return s;
    }

    static double sumAbs(double[] k) {
        double s = 0;
        for (double v : k) {
            s += Math.abs(v);
        }
        return s;
    }
}
