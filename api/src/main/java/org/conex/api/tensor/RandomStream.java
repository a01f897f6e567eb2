package org.conex.api.tensor;

/**
 * A small, fast, checkpointable pseudo-random stream (SplitMix64). Its whole state is one long,
 * so simulations can save and restore it exactly ({@link #state()}, {@link #setState(long)}).
 * Streams are obtained by name from {@link RandomStreams}, never shared between behaviors, so a
 * result does not depend on thread count or on what else runs.
 */
public final class RandomStream {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public RandomStream(long seed) {
        this.state = seed;
    }

    /** The current state; {@code new RandomStream(s.state())} continues the same sequence. */
    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits (exactly representable as float). */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Standard normal draw (Box-Muller, one value per call; no hidden cached state). */
    public double nextGaussian() {
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 <= 0.0);
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, found " + bound);
        }
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Mixes a 64-bit value (SplitMix64 finaliser); used to derive stream seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
