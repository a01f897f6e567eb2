package org.conex.helpers.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** behaviors.md 6.3 worked values, 1e-6 absolute tolerance. */
class GaborFilterTest {
    private static final double TOL = 1e-6;

    @Test
    void thetaZeroBandsChangeFromRowToRow() {
        double[] k = Tensors.toDoubles(GaborFilter.kernel(3, 2, 0, 1, 0.5));
        assertArrayEquals(new double[] {-0.535261, -0.606531, -0.535261, 0.882497, 1, 0.882497,
                -0.535261, -0.606531, -0.535261}, k, TOL);
        // closed form of the corner: exp(-(1 + 0.25)/2) * cos(pi)
        assertEquals(-Math.exp(-0.625), k[0], 1e-7);
    }

    @Test
    void diagonalOrientation() {
        double[] k = Tensors.toDoubles(GaborFilter.kernel(3, 4, Math.PI / 4, 1, 0.5, 1.0, false, false, DType.FLOAT64));
        assertArrayEquals(new double[] {-0.222825, 0.324849, 0.778801, 0.324849, 1, 0.324849,
                0.778801, 0.324849, -0.222825}, k, TOL);
    }

    @Test
    void zeroMeanSumsToZeroAndOneSumHasUnitMass() {
        double[] z = Tensors.toDoubles(GaborFilter.kernel(5, 3, 0.3, 1.5, 0.7, 1.0, true, false, DType.FLOAT64));
        assertEquals(0, DoGFilterTest.sum(z), 1e-12);
        double[] o = Tensors.toDoubles(GaborFilter.kernel(5, 3, 0.3, 1.5, 0.7, 1.0, false, true, DType.FLOAT64));
        assertEquals(1, DoGFilterTest.sumAbs(o), 1e-12);
    }
}
