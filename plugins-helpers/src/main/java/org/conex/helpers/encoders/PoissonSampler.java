package org.conex.helpers.encoders;

import org.conex.api.tensor.RandomStream;

/**
 * Exact Poisson variates from a {@link RandomStream}: inversion by sequential search for a mean
 * below 10, and Hörmann's transformed rejection with squeeze (PTRS, 1993; the method NumPy uses)
 * above. Both are exact samplers; the cost is O(mean) below 10 and O(1) above.
 */
public final class PoissonSampler {
    private static final double INVERSION_LIMIT = 10.0;

    private PoissonSampler() {
    }

    /**
     * One draw from Poisson({@code mean}).
     *
     * @param mean expected value, finite and >= 0 (0 gives 0)
     */
    public static long sample(double mean, RandomStream random) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, found " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < INVERSION_LIMIT ? inversion(mean, random) : ptrs(mean, random);
    }

    private static long inversion(double mean, RandomStream random) {
        double u = random.nextDouble();
        long k = 0;
        double p = Math.exp(-mean);
        double cdf = p;
        while (u > cdf) {
            k++;
            p *= mean / k;
            cdf += p;
            if (p == 0 && u > cdf) {
                break; // rounding left the summed cdf just below u: the remaining tail is below 1e-16
            }
        }
        return k;
    }

    private static long ptrs(double mean, RandomStream random) {
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * loglam - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln(k!) : exact sums below 30, Stirling's series (error below 1e-15) above. */
    static double logFactorial(long k) {
        if (k < 30) {
            double s = 0;
            for (long i = 2; i <= k; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = k + 1.0;
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }
}
