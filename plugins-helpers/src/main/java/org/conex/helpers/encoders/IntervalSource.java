package org.conex.helpers.encoders;

import org.conex.api.tensor.RandomStream;

/**
 * Where the {@link Poisson} encoder gets its inter-spike intervals: by default Poisson draws
 * ({@link #POISSON}); tests inject fixed intervals ({@link #fixed}) to pin spike times exactly.
 */
@FunctionalInterface
public interface IntervalSource {
    /** Poisson draws with the given mean ({@link PoissonSampler}). */
    IntervalSource POISSON = PoissonSampler::sample;

    /**
     * The next interval in steps for a pixel whose mean interval is {@code mean} (= 1 / p). May
     * return 0; the encoder turns 0 into 1.
     */
    long next(double mean, RandomStream random);

    /**
     * Returns {@code intervals} in order, whatever the mean, then fails: every pixel of every call
     * consumes from the same sequence.
     */
    static IntervalSource fixed(long... intervals) {
        long[] copy = intervals.clone();
        int[] next = {0};
        return (mean, random) -> {
            if (next[0] >= copy.length) {
                throw new IllegalStateException("the " + copy.length + " fixed intervals are used up");
            }
            return copy[next[0]++];
        };
    }
}
