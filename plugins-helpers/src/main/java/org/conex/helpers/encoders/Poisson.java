package org.conex.helpers.encoders;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.tensor.DType;
import org.conex.helpers.Seeds;
import org.conex.api.tensor.RandomStream;

/**
 * CoNeX {@code Poisson(time_window, ratio)}: the inter-spike-interval method (after BindsNET).
 * For each pixel {@code p = x * ratio}; a pixel with p = 0 never spikes. Otherwise intervals are
 * drawn from Poisson(mean 1/p), an interval of 0 counts as 1, and the spike times are the running
 * sums (1-based); times beyond T are dropped, so {@code out[time - 1] = true} for each kept time.
 *
 * <p>At most one spike per step per pixel. The expected interval is {@code 1/p + e^(-1/p)} steps
 * (p = 1: 0.731 spikes per step; p = 1/6, MNIST's white pixels: about 5 spikes in 30 steps).
 * Intervals are drawn lazily until the running sum passes T (the reference draws T of them; the
 * spike trains have the same distribution). Input: intensities >= 0 of any shape (negative values
 * are rejected; the reference leaves them undefined). Output: BOOL {@code [T, ...shape]}.
 */
public final class Poisson extends AbstractSpikeEncoder {
    /** Registered as "Poisson": time_window (steps), ratio, optional seed. */
    public static final HelperType TYPE = HelperType.builder("Poisson", HelperKind.ENCODER,
                    (p, ctx) -> new Poisson(p.integer("time_window"), p.number("ratio"),
                            Seeds.stream(p, ctx, "Poisson")))
            .params(ParamSpec.of("time_window", ParamKind.INTEGER).asRequired().atLeast(1).unit("steps")
                            .doc("steps per encoded sample"),
                    ParamSpec.of("ratio", ParamKind.NUMBER).asRequired().atLeast(0)
                            .doc("p = x * ratio; intervals are Poisson with mean 1/p"),
                    Seeds.SPEC)
            .description("inter-spike-interval Poisson spike trains (BindsNET method)")
            .build();

    private final double ratio;
    private final IntervalSource intervals;

    /** Poisson intervals from {@code random}. */
    public Poisson(int timeWindow, double ratio, RandomStream random) {
        this(timeWindow, ratio, random, IntervalSource.POISSON);
    }

    /**
     * @param timeWindow T, steps per sample (>= 1)
     * @param ratio      factor from intensity to spike probability p (>= 0)
     * @param random     the encoder's own stream
     * @param intervals  interval source (inject {@link IntervalSource#fixed} in tests)
     */
    public Poisson(int timeWindow, double ratio, RandomStream random, IntervalSource intervals) {
        super("Poisson", timeWindow, random);
        if (!(ratio >= 0) || Double.isInfinite(ratio)) {
            throw error("ratio must be a finite number >= 0, found " + ratio);
        }
        this.ratio = ratio;
        this.intervals = Objects.requireNonNull(intervals, "intervals");
    }

    public double ratio() {
        return ratio;
    }

    /** Expected spikes per step in steady state for probability {@code p}: {@code 1 / (1/p + e^(-1/p))}. */
    public static double steadyRate(double p) {
        return p <= 0 ? 0 : 1.0 / (1.0 / p + Math.exp(-1.0 / p));
    }

    @Override
    protected void fill(double[] x, DType precision, RandomStream rng, ByteBuffer out) {
        requireNonNegative(x, "intensity");
        int n = x.length;
        int window = timeWindow();
        double r = precision.round(ratio);
        for (int i = 0; i < n; i++) {
            double p = precision.round(x[i] * r);
            if (p == 0) {
                continue;
            }
            double mean = 1.0 / p;
            long time = 0;
            while (true) {
                long interval = Math.max(intervals.next(mean, rng), 1);
                time += interval;
                if (time > window) {
                    break;
                }
                out.put((int) ((time - 1) * n + i), (byte) 1);
            }
        }
    }
}
