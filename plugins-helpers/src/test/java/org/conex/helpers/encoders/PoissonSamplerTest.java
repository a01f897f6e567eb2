package org.conex.helpers.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.conex.api.tensor.RandomStream;
import org.junit.jupiter.api.Test;

class PoissonSamplerTest {

    /**
     * Sample mean and variance of n draws. For Poisson(l): Var(mean) = l/n, and the sample
     * variance has Var(s^2) ~ (mu4 - sigma^4)/n = (l + 3l^2 - l^2)/n = (l + 2l^2)/n. Tolerance: 4 sd.
     */
    private static void check(double lambda, int n, long seed) {
        RandomStream r = new RandomStream(seed);
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            long k = PoissonSampler.sample(lambda, r);
            sum += k;
            sum2 += (double) k * k;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        assertEquals(lambda, mean, 4 * Math.sqrt(lambda / n), "mean of Poisson(" + lambda + ")");
        assertEquals(lambda, var, 4 * Math.sqrt((lambda + 2 * lambda * lambda) / n), "variance of Poisson(" + lambda + ")");
    }

    @Test
    void inversionBranch() {
        check(0.3, 200_000, 1);
        check(6.0, 200_000, 2);
    }

    @Test
    void rejectionBranch() {
        check(10.0, 200_000, 3);
        check(50.0, 200_000, 4);
        check(5000.0, 100_000, 5);
    }

    @Test
    void logFactorialMatchesExactSums() {
        double exact = 0;
        for (int i = 2; i <= 40; i++) {
            exact += Math.log(i);
        }
        assertEquals(exact, PoissonSampler.logFactorial(40), 1e-11);
    }

    @Test
    void zeroMeanAndBadMeans() {
        assertEquals(0, PoissonSampler.sample(0, new RandomStream(1)));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(-1, new RandomStream(1)));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(Double.NaN, new RandomStream(1)));
    }
}
