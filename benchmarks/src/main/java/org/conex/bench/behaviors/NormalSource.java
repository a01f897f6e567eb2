package org.conex.bench.behaviors;

import org.conex.api.tensor.RandomStream;

/**
 * Standard normal draws from a {@link RandomStream} by Marsaglia's polar method, which yields two
 * independent values per accepted pair (no trigonometry) and so costs about half of one
 * Box-Muller draw per value. The second value of a pair is kept for the next call; the sequence is
 * fully determined by the stream's seed. {@link #dropSpare()} at the end of a step leaves all state
 * in the stream, which checkpoints save, so a resumed run draws the same values.
 */
final class NormalSource {
    private final RandomStream rng;
    private double spare;
    private boolean hasSpare;

    NormalSource(RandomStream rng) {
        this.rng = rng;
    }

    /** Forgets a kept second value (nothing to forget after an even number of draws). */
    void dropSpare() {
        hasSpare = false;
    }

    /** The next N(0, 1) value. */
    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
