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
 * The documentation's {@code PoissonEncoder(rate=20).encode(input)}: a Poisson spike train whose
 * rate is proportional to the intensity. A pixel of intensity x in [0, 1] spikes in each step of
 * length dt independently with probability {@code x * rate * dt / 1000} (rate in Hz, dt in ms),
 * so its expected rate is {@code x * rate} Hz.
 *
 * <pre>{@code
 * SpikeEncoder enc = new PoissonEncoder(20);                       // 20 Hz, 100 ms, dt 1 ms, seed 0
 * INDArray spikes = enc.encode(image);                             // BOOL [100, 28, 28]
 * SpikeEncoder seeded = new PoissonEncoder(50, 30, 1, network.random().stream("input/poisson"));
 * }</pre>
 *
 * Defaults: duration {@value #DEFAULT_DURATION_MS} ms, dt {@value #DEFAULT_DT_MS} ms, stream
 * {@code new RandomStream(0)}. Intensities must lie in [0, 1]: anything else (or NaN) is an error,
 * never silently clipped. {@code rate * dt / 1000} must not exceed 1, and the duration must be a
 * whole number of steps. Output: BOOL {@code [T, ...shape]} with {@code T = duration / dt}.
 */
public final class PoissonEncoder extends AbstractSpikeEncoder {
    /** Default presentation length in ms. */
    public static final double DEFAULT_DURATION_MS = 100.0;
    /** Default step in ms (CoNeX's default dt). */
    public static final double DEFAULT_DT_MS = 1.0;

    /** Registered as "PoissonEncoder": rate (Hz), duration (ms), dt (ms), optional seed. */
    public static final HelperType TYPE = HelperType.builder("PoissonEncoder", HelperKind.ENCODER,
                    (p, ctx) -> new PoissonEncoder(p.number("rate"), p.number("duration"), p.number("dt"),
                            Seeds.stream(p, ctx, "PoissonEncoder")))
            .params(ParamSpec.of("rate", ParamKind.NUMBER).asRequired().greaterThan(0).unit("Hz")
                            .doc("rate of an intensity-1 pixel"),
                    ParamSpec.of("duration", ParamKind.NUMBER).withDefault(DEFAULT_DURATION_MS).greaterThan(0)
                            .unit("ms"),
                    ParamSpec.of("dt", ParamKind.NUMBER).withDefault(DEFAULT_DT_MS).greaterThan(0).unit("ms"),
                    Seeds.SPEC)
            .description("Bernoulli-per-step Poisson trains at x * rate Hz for intensities x in [0, 1]")
            .build();

    private final double rateHz;
    private final double durationMs;
    private final double dtMs;

    /** {@code rateHz} for the default duration and dt, seed 0. */
    public PoissonEncoder(double rateHz) {
        this(rateHz, DEFAULT_DURATION_MS, DEFAULT_DT_MS, new RandomStream(0));
    }

    /**
     * @param rateHz     firing rate of an intensity-1 pixel, Hz (> 0)
     * @param durationMs presentation length, ms (> 0, a multiple of dt)
     * @param dtMs       simulation step, ms (> 0)
     * @param random     the encoder's own stream (e.g. from the network's master seed)
     */
    public PoissonEncoder(double rateHz, double durationMs, double dtMs, RandomStream random) {
        super("PoissonEncoder", steps(durationMs, dtMs), random);
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw error("rate must be a finite number > 0 Hz, found " + rateHz);
        }
        if (rateHz * dtMs / 1000.0 > 1.0) {
            throw error("rate " + rateHz + " Hz with dt " + dtMs + " ms needs a spike probability of "
                    + rateHz * dtMs / 1000.0 + " per step; expected at most 1 (rate <= " + 1000.0 / dtMs + " Hz)");
        }
        this.rateHz = rateHz;
        this.durationMs = durationMs;
        this.dtMs = dtMs;
    }

    /** The same settings with an explicit seed. */
    public PoissonEncoder withSeed(long seed) {
        return new PoissonEncoder(rateHz, durationMs, dtMs, new RandomStream(seed));
    }

    private static int steps(double durationMs, double dtMs) {
        if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
            throw new org.conex.api.ConexException("PoissonEncoder: dt must be a finite number > 0 ms, found " + dtMs);
        }
        if (!(durationMs > 0) || Double.isInfinite(durationMs)) {
            throw new org.conex.api.ConexException("PoissonEncoder: duration must be a finite number > 0 ms, found "
                    + durationMs);
        }
        double t = durationMs / dtMs;
        long r = Math.round(t);
        if (Math.abs(t - r) > 1e-9 * Math.max(1, t) || r > Integer.MAX_VALUE) {
            throw new org.conex.api.ConexException("PoissonEncoder: duration " + durationMs + " ms is not a whole"
                    + " number of steps of dt " + dtMs + " ms");
        }
        return (int) r;
    }

    public double rateHz() {
        return rateHz;
    }

    public double durationMs() {
        return durationMs;
    }

    public double dtMs() {
        return dtMs;
    }

    /** Spike probability per step of an intensity-1 pixel: {@code rate * dt / 1000}. */
    public double maxProbability() {
        return rateHz * dtMs / 1000.0;
    }

    @Override
    protected void fill(double[] x, DType precision, RandomStream rng, ByteBuffer out) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || x[i] > 1) {
                throw error("intensity " + i + " is " + x[i] + "; expected values in [0, 1] (normalize first,"
                        + " e.g. with TensorNormalization.minMax)");
            }
        }
        int n = x.length;
        double pmax = maxProbability();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = x[i] * pmax;
        }
        for (int t = 0, k = 0; t < timeWindow(); t++) {
            for (int i = 0; i < n; i++, k++) {
                if (rng.nextDouble() < p[i]) {
                    out.put(k, (byte) 1);
                }
            }
        }
    }
}
