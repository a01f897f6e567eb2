package org.conex.helpers.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.tensor.RandomStream;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PoissonTest {

    @Test
    void injectedIntervalsGiveTheSpecsSpikeSteps() {
        // behaviors.md 8.2: intervals [2,1,3,1,1], T = 5 -> times 2, 3, 6, ...; only steps 1 and 2 remain
        Poisson enc = new Poisson(5, 1.0, new RandomStream(1), IntervalSource.fixed(2, 1, 3, 1, 1));
        INDArray out = enc.transform(TestData.floats(new double[] {1.0}));
        assertArrayEquals(new long[] {5, 1}, out.shape());
        assertTrue(TestData.isBool(out));
        assertEquals(List.of(1, 2), TestData.spikeSteps(out, 0));
    }

    @Test
    void zeroIntervalCountsAsOneAndZeroPixelsNeverSpike() {
        Poisson enc = new Poisson(3, 1.0, new RandomStream(1), IntervalSource.fixed(0, 0, 0, 0));
        INDArray out = enc.transform(TestData.floats(new double[] {0.0, 1.0}));
        assertEquals(List.of(), TestData.spikeSteps(out, 0));
        assertEquals(List.of(0, 1, 2), TestData.spikeSteps(out, 1));
    }

    /**
     * The mean spike count of p = 1/6 pixels over T = 30 equals the renewal-process expectation
     * E[N] = sum_k P(S_k <= T) (S_k the k-th spike time, intervals max(X, 1), X ~ Poisson(1/p)),
     * computed exactly here by convolution. The sample mean of n independent pixels has standard
     * deviation sqrt(Var N / n) with Var N = sum_k (2k - 1) P(S_k <= T) - E[N]^2; we allow 4 of them
     * (a false failure has probability 6e-5 for a random seed; the seed is fixed anyway).
     */
    @Test
    void meanCountMatchesTheRenewalExpectation() {
        int n = 20_000;
        int window = 30;
        double ratio = 1.0 / 6.0;
        INDArray out = new Poisson(window, ratio, new RandomStream(42)).transform(TestData.constant(n, 1.0));
        long[] counts = TestData.countsPerPixel(out);
        double mean = 0;
        for (long c : counts) {
            mean += c;
        }
        mean /= n;
        double p = (float) ratio; // the encoder computes p in float32
        double[] moments = TestData.renewalMoments(1.0 / p, window);
        double sd = Math.sqrt((moments[1] - moments[0] * moments[0]) / n);
        assertEquals(moments[0], mean, 4 * sd, "expected " + moments[0] + " spikes, sd of mean " + sd);
        // the spec's "about 5" (30 / 6.0025) is the steady-state rate; a train starting at t = 0 has
        // fewer: renewal theory gives T/mu + E[Y^2]/(2 mu^2) - 1 + 1/(2 mu) = 4.66 for mu = 6.0025
        assertEquals(4.664, moments[0], 0.001);
    }

    @Test
    void sameSeedSameSpikesAndTwoSeedsDiffer() {
        INDArray x = TestData.constant(500, 0.8);
        INDArray a = new Poisson(20, 0.5, new RandomStream(7)).transform(x);
        INDArray b = new Poisson(20, 0.5, new RandomStream(7)).transform(x);
        INDArray c = new Poisson(20, 0.5, new RandomStream(8)).transform(x);
        assertTrue(TestData.same(a, b));
        assertFalse(TestData.same(a, c));
    }

    @Test
    void callersArrayIsNotModifiedAndNegativesAreRejected() {
        INDArray x = TestData.floats(new double[] {0.5, 1.0, 0.0});
        INDArray copy = x.dup();
        new Poisson(10, 1.0, new RandomStream(3)).transform(x);
        assertTrue(TestData.same(copy, x));
        ConexException e = assertThrows(ConexException.class,
                () -> new Poisson(10, 1.0, new RandomStream(3)).transform(TestData.floats(new double[] {0.2, -0.5})));
        assertTrue(e.getMessage().contains("Poisson: intensity 1 is -0.5"), e.getMessage());
    }

    @Test
    void steadyRateFormula() {
        assertEquals(1 / (1 + Math.exp(-1)), Poisson.steadyRate(1.0), 1e-15); // 0.731 per step
        assertEquals(30 / 6.0024787521766663, 30 * Poisson.steadyRate(1 / 6.0), 1e-12);
    }
}
