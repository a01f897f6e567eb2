package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TensorSpecTest {
    static final int N = 20000;

    private static double mean(double[] x) {
        double s = 0;
        for (double d : x) {
            s += d;
        }
        return s / x.length;
    }

    private static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double d : x) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / x.length);
    }

    @Test
    void constantsAndArithmetic() {
        RandomStream r = new RandomStream(1);
        assertArrayEquals(new double[] {0, 0}, TensorSpec.parse("zeros").sample(2, r));
        assertArrayEquals(new double[] {1, 1}, TensorSpec.parse("ones()").sample(2, r));
        assertArrayEquals(new double[] {7, 7}, TensorSpec.parse("ones()*3+4").sample(2, r));
        assertArrayEquals(new double[] {0.5}, TensorSpec.parse("0.5").sample(1, r));
        assertArrayEquals(new double[] {-2.5}, TensorSpec.parse(" -5 / 2 ").sample(1, r));
        assertArrayEquals(new double[] {0.25, 0.25}, TensorSpec.constant(0.25).sample(2, r));
    }

    /**
     * Moments of N = 20000 draws: the standard error of a mean is sd/sqrt(N) (0.0020 for U[0,1),
     * 0.014 for N(2, 2^2)); 5 standard errors make a false failure practically impossible.
     */
    @Test
    void randomModesHaveTheDocumentedMoments() {
        RandomStream r = new RandomStream(42);
        double[] u = TensorSpec.parse("rand").sample(N, r);
        assertEquals(0.5, mean(u), 5 * Math.sqrt(1 / 12.0 / N));
        for (double d : u) {
            assertTrue(d >= 0 && d < 1);
        }
        double[] g = TensorSpec.parse("normal(mean=2, std=2)").sample(N, r);
        assertEquals(2.0, mean(g), 5 * 2 / Math.sqrt(N));
        assertEquals(2.0, std(g), 5 * 2 / Math.sqrt(2.0 * N));
        double[] i = TensorSpec.parse("randint(3, 6)").sample(N, r);
        for (double d : i) {
            assertTrue(d == 3 || d == 4 || d == 5, "randint value " + d);
        }
        double[] uu = TensorSpec.parse("uniform(-1, 1)").sample(N, r);
        assertEquals(0.0, mean(uu), 5 * Math.sqrt(4 / 12.0 / N));
    }

    @Test
    void densityMasksAndScaleMultiplies() {
        RandomStream r = new RandomStream(7);
        double[] w = TensorSpec.parse("ones").fill(N, r, 0.3, 2.0, DType.FLOAT32);
        long kept = 0;
        for (double d : w) {
            assertTrue(d == 0 || d == 2);
            kept += d != 0 ? 1 : 0;
        }
        // binomial(N, 0.3): sd of the fraction = sqrt(0.3*0.7/N) = 0.0032; allow 5 sd
        assertEquals(0.3, kept / (double) N, 5 * Math.sqrt(0.21 / N));
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        double[] a = TensorSpec.parse("randn").sample(10, new RandomStream(5));
        double[] b = TensorSpec.parse("randn").sample(10, new RandomStream(5));
        double[] c = TensorSpec.parse("randn").sample(10, new RandomStream(6));
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"torch.exec('rm')", "arange", "normal(0,1)(2)", "ones()*x", "rand(1)", "",
        "__import__('os')", "normal(0, -1)", "randint(5, 1)", "normal(a=1)", "zeros)"})
    void anythingOutsideTheWhitelistIsRejected(String mode) {
        ConexException e = assertThrows(ConexException.class, () -> TensorSpec.parse(mode));
        assertTrue(e.getMessage().contains("tensor mode"), e.getMessage());
    }
}
