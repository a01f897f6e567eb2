package org.conex.helpers.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.RandomStreams;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PoissonEncoderTest {

    @Test
    void defaultsAreOneHundredStepsOfOneMillisecond() {
        PoissonEncoder enc = new PoissonEncoder(20);
        assertEquals(100, enc.timeWindow());
        assertEquals(0.02, enc.maxProbability(), 1e-15);
        INDArray out = enc.encode(TestData.floats(new double[] {0, .5, 1, 1, .2, 0}, 2, 3));
        assertArrayEquals(new long[] {100, 2, 3}, out.shape());
        assertTrue(TestData.isBool(out));
    }

    /**
     * Empirical rate in Hz of n pixels of intensity x over T steps of dt: the spike count is
     * Binomial(n*T, q) with q = x * rate * dt / 1000, so the rate estimate count / (n * T * dt / 1000)
     * has standard deviation sqrt(q (1 - q) / (n T)) * 1000 / dt Hz. Allowed: 4 of them.
     */
    @Test
    void empiricalRateMatchesRequestedRate() {
        int n = 2000;
        double rate = 50;
        double dt = 0.5;
        PoissonEncoder enc = new PoissonEncoder(rate, 200, dt, new RandomStream(3));
        int steps = enc.timeWindow();
        assertEquals(400, steps);
        for (double x : new double[] {1.0, 0.25}) {
            INDArray out = enc.encode(TestData.constant(n, x));
            double hz = TestData.total(out) / (n * steps * dt / 1000.0);
            double q = x * rate * dt / 1000;
            double sd = Math.sqrt(q * (1 - q) / ((double) n * steps)) * 1000 / dt;
            assertEquals(x * rate, hz, 4 * sd, "rate for intensity " + x);
        }
        assertEquals(0, TestData.total(enc.encode(TestData.constant(n, 0.0))));
    }

    @Test
    void seedingFromNetworkStreamsAndExplicitSeeds() {
        INDArray x = TestData.constant(400, 0.7);
        RandomStreams master = new RandomStreams(99);
        INDArray a = new PoissonEncoder(100, 50, 1, master.stream("input/poisson")).encode(x);
        INDArray b = new PoissonEncoder(100, 50, 1, new RandomStreams(99).stream("input/poisson")).encode(x);
        INDArray c = new PoissonEncoder(100, 50, 1, new RandomStreams(100).stream("input/poisson")).encode(x);
        assertTrue(TestData.same(a, b), "same master seed, same spikes");
        assertFalse(TestData.same(a, c), "another master seed, other spikes");
        assertTrue(TestData.same(new PoissonEncoder(100).withSeed(4).encode(x), new PoissonEncoder(100).withSeed(4).encode(x)));
        assertFalse(TestData.same(new PoissonEncoder(100).withSeed(4).encode(x), new PoissonEncoder(100).withSeed(5).encode(x)));
    }

    @Test
    void intensitiesOutsideTheUnitIntervalAreErrors() {
        PoissonEncoder enc = new PoissonEncoder(20);
        ConexException e = assertThrows(ConexException.class, () -> enc.encode(TestData.floats(new double[] {0.5, 1.5})));
        assertTrue(e.getMessage().contains("intensity 1 is 1.5; expected values in [0, 1]"), e.getMessage());
        assertThrows(ConexException.class, () -> enc.encode(TestData.floats(new double[] {-0.1})));
        assertThrows(ConexException.class, () -> enc.encode(TestData.floats(new double[] {Double.NaN})));
    }

    @Test
    void badSettingsAreErrors() {
        ConexException e = assertThrows(ConexException.class, () -> new PoissonEncoder(2000));
        assertTrue(e.getMessage().contains("at most 1 (rate <= 1000.0 Hz)"), e.getMessage());
        e = assertThrows(ConexException.class, () -> new PoissonEncoder(20, 10.5, 1, new RandomStream(0)));
        assertTrue(e.getMessage().contains("not a whole number of steps"), e.getMessage());
        assertThrows(ConexException.class, () -> new PoissonEncoder(0));
        assertThrows(ConexException.class, () -> new PoissonEncoder(20, 100, 0, new RandomStream(0)));
    }
}
