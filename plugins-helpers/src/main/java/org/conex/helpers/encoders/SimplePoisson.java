package org.conex.helpers.encoders;

import java.nio.ByteBuffer;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.tensor.DType;
import org.conex.helpers.Seeds;
import org.conex.api.tensor.RandomStream;

/**
 * CoNeX {@code SimplePoisson(time_window, ratio)}: independent Bernoulli spikes per step,
 * {@code out[t, i] = (x_i * ratio >= U_ti)} with {@code U} uniform on [0, 1) (24-bit, float32 like
 * {@code torch.rand}). The spike probability per step is {@code min(x_i * ratio, 1)}; a zero pixel
 * never spikes (U = 0 exactly is excluded: a pixel of probability 0 is treated as silent).
 * Input: intensities of any shape, >= 0 (negative values are rejected). Output: BOOL
 * {@code [T, ...shape]}; draws are made step by step, pixels in C order.
 */
public final class SimplePoisson extends AbstractSpikeEncoder {
    /** Registered as "SimplePoisson": time_window (steps), ratio, optional seed. */
    public static final HelperType TYPE = HelperType.builder("SimplePoisson", HelperKind.ENCODER,
                    (p, ctx) -> new SimplePoisson(p.integer("time_window"), p.number("ratio"),
                            Seeds.stream(p, ctx, "SimplePoisson")))
            .params(ParamSpec.of("time_window", ParamKind.INTEGER).asRequired().atLeast(1).unit("steps")
                            .doc("steps per encoded sample"),
                    ParamSpec.of("ratio", ParamKind.NUMBER).asRequired().atLeast(0)
                            .doc("spike probability per step of an intensity-1 pixel"),
                    Seeds.SPEC)
            .description("Bernoulli spikes per step with probability min(x * ratio, 1)")
            .build();

    private final double ratio;

    /**
     * @param timeWindow T, steps per sample (>= 1)
     * @param ratio      factor from intensity to spike probability per step (>= 0)
     * @param random     the encoder's own stream
     */
    public SimplePoisson(int timeWindow, double ratio, RandomStream random) {
        super("SimplePoisson", timeWindow, random);
        if (!(ratio >= 0) || Double.isInfinite(ratio)) {
            throw error("ratio must be a finite number >= 0, found " + ratio);
        }
        this.ratio = ratio;
    }

    public double ratio() {
        return ratio;
    }

    @Override
    protected void fill(double[] x, DType precision, RandomStream rng, ByteBuffer out) {
        requireNonNegative(x, "intensity");
        int n = x.length;
        double[] p = new double[n];
        double r = precision.round(ratio);
        for (int i = 0; i < n; i++) {
            p[i] = precision.round(x[i] * r);
        }
        for (int t = 0, k = 0; t < timeWindow(); t++) {
            for (int i = 0; i < n; i++, k++) {
                double u = rng.nextFloat();
                if (p[i] > 0 && p[i] >= u) {
                    out.put(k, (byte) 1);
                }
            }
        }
    }
}
