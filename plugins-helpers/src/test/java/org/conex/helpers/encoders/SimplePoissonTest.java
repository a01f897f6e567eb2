package org.conex.helpers.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.tensor.RandomStream;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SimplePoissonTest {

    @Test
    void probabilityZeroAndOne() {
        INDArray x = TestData.floats(new double[] {0, 0.5, 1, 2}, 2, 2);
        INDArray out = new SimplePoisson(50, 2.0, new RandomStream(1)).transform(x);
        assertArrayEquals(new long[] {50, 2, 2}, out.shape());
        long[] c = TestData.countsPerPixel(out);
        assertArrayEquals(new long[] {0, 50, 50, 50}, c); // p = 0, 1, 2 (clipped to 1), 4
    }

    /**
     * p = 0.3 over 10^5 independent Bernoulli draws: the count is Binomial(10^5, 0.3), whose rate has
     * standard deviation sqrt(0.3 * 0.7 / 10^5) = 0.00145; 4 sd = 0.0058.
     */
    @Test
    void rateMatchesProbability() {
        int n = 1000;
        int window = 100;
        INDArray out = new SimplePoisson(window, 0.6, new RandomStream(11)).transform(TestData.constant(n, 0.5));
        double rate = TestData.total(out) / (double) (n * window);
        assertEquals(0.3, rate, 4 * Math.sqrt(0.3 * 0.7 / (n * window)));
    }

    @Test
    void seedsReproduceAndDiffer() {
        INDArray x = TestData.constant(300, 0.4);
        INDArray a = new SimplePoisson(10, 1, new RandomStream(5)).transform(x);
        assertTrue(TestData.same(a, new SimplePoisson(10, 1, new RandomStream(5)).transform(x)));
        assertFalse(TestData.same(a, new SimplePoisson(10, 1, new RandomStream(6)).transform(x)));
        // the encoder's own stream advances: a second call gives a new draw
        SimplePoisson enc = new SimplePoisson(10, 1, new RandomStream(5));
        assertFalse(TestData.same(enc.transform(x), enc.transform(x)));
        assertEquals(10, enc.timeWindow());
    }
}
