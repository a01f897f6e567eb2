package org.conex.helpers.encoders;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;

/**
 * CoNeX {@code Intensity2Latency}: time-to-first-spike coding, each pixel spikes at most once and
 * stronger pixels earlier. With T the time window:
 * <ol>
 * <li>threshold: the {@code (1 - sparsity)} quantile of the input (linear interpolation, as
 *     numpy/torch) when {@code sparsity} is set, else {@code threshold}, else {@code min_val};</li>
 * <li>{@code below = x < threshold} (strict, on the raw input; below pixels never spike);</li>
 * <li>{@code x := x - min_val}, {@code f = 1 / (max_val - min_val)};</li>
 * <li>lower trim (unless every pixel is below): subtract the smallest non-below value m and set
 *     {@code f = 1 / (max_val - min_val - m)};</li>
 * <li>higher trim (if {@code max(x) != 0}, over all pixels): {@code f = 1 / max(x)};</li>
 * <li>{@code idx = ceil(x * f * (T - 1)) + 1}, 0 for below pixels, clamped to [0, T];
 *     a pixel with idx >= 1 spikes at step {@code T - idx}.</li>
 * </ol>
 * Worked values (T = 5): [0, .25, .5, 1] gives steps [4, 3, 2, 0]; a zero pixel still fires at
 * the last step when threshold = min_val = 0, and equal above-threshold values all fire at the
 * last step (ODD-16, kept). Arithmetic is float32 like the reference (DOUBLE inputs: double).
 *
 * <p>Differences from the reference, all deliberate: the caller's tensor is not modified
 * (BUG-13); the quantile does not overwrite a stored threshold (each call is independent); an
 * index above T (a value above {@code max_val} without higher trim) is clamped to T instead of
 * failing; when the trimmed range is 0 the factor is 0 (those pixels fire at the last step)
 * instead of an undefined NaN index. Output: BOOL {@code [T, ...shape]}; no randomness.
 */
public final class Intensity2Latency extends AbstractSpikeEncoder {
    /** Registered as "Intensity2Latency" with the reference's parameters and defaults. */
    public static final HelperType TYPE = HelperType.builder("Intensity2Latency", HelperKind.ENCODER,
                    (p, ctx) -> new Intensity2Latency(p.integer("time_window"), new Settings(
                            (Double) p.get("threshold"), (Double) p.get("sparsity"), p.number("min_val"),
                            p.number("max_val"), p.bool("lower_trim"), p.bool("higher_trim"))))
            .params(ParamSpec.of("time_window", ParamKind.INTEGER).asRequired().atLeast(1).unit("steps"),
                    ParamSpec.of("threshold", ParamKind.NUMBER).doc("pixels below it never spike (default min_val)"),
                    ParamSpec.of("sparsity", ParamKind.NUMBER).atLeast(0)
                            .doc("fraction of pixels allowed to spike; sets the threshold to the (1 - sparsity) quantile"),
                    ParamSpec.of("min_val", ParamKind.NUMBER).withDefault(0.0),
                    ParamSpec.of("max_val", ParamKind.NUMBER).withDefault(1.0),
                    ParamSpec.of("lower_trim", ParamKind.BOOLEAN).withDefault(true),
                    ParamSpec.of("higher_trim", ParamKind.BOOLEAN).withDefault(true))
            .description("time-to-first-spike: stronger pixels spike earlier, each at most once")
            .build();

    /** Settings; null threshold/sparsity mean "not given". */
    public record Settings(Double threshold, Double sparsity, double minVal, double maxVal,
                           boolean lowerTrim, boolean higherTrim) {
        /** The reference defaults: no threshold, no sparsity, range [0, 1], both trims on. */
        public static Settings defaults() {
            return new Settings(null, null, 0.0, 1.0, true, true);
        }

        public Settings withThreshold(double t) {
            return new Settings(t, sparsity, minVal, maxVal, lowerTrim, higherTrim);
        }

        public Settings withSparsity(double s) {
            return new Settings(threshold, s, minVal, maxVal, lowerTrim, higherTrim);
        }

        public Settings withRange(double min, double max) {
            return new Settings(threshold, sparsity, min, max, lowerTrim, higherTrim);
        }

        public Settings withTrims(boolean lower, boolean higher) {
            return new Settings(threshold, sparsity, minVal, maxVal, lower, higher);
        }
    }

    private final Settings settings;

    /** With the reference defaults. */
    public Intensity2Latency(int timeWindow) {
        this(timeWindow, Settings.defaults());
    }

    /**
     * @param timeWindow T (>= 1)
     * @param settings   threshold, sparsity in [0, 1], min_val < max_val, trims
     */
    public Intensity2Latency(int timeWindow, Settings settings) {
        super("Intensity2Latency", timeWindow, new RandomStream(0));
        this.settings = settings;
        if (!(settings.maxVal() > settings.minVal())) {
            throw error("max_val must be > min_val, found min_val " + settings.minVal() + ", max_val "
                    + settings.maxVal());
        }
        if (settings.sparsity() != null && !(settings.sparsity() >= 0 && settings.sparsity() <= 1)) {
            throw error("sparsity must be in [0, 1], found " + settings.sparsity());
        }
    }

    public Settings settings() {
        return settings;
    }

    @Override
    protected void fill(double[] x, DType d, RandomStream rng, ByteBuffer out) {
        int n = x.length;
        int window = timeWindow();
        double threshold = d.round(threshold(x, d));
        boolean[] below = new boolean[n];
        boolean allBelow = true;
        double minVal = d.round(settings.minVal());
        for (int i = 0; i < n; i++) {
            below[i] = x[i] < threshold;
            allBelow &= below[i];
            x[i] = d.round(x[i] - minVal);
        }
        double range = settings.maxVal() - settings.minVal();
        double f = d.round(1.0 / range);
        if (settings.lowerTrim() && !allBelow) {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!below[i]) {
                    m = Math.min(m, x[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = d.round(x[i] - m);
            }
            double rest = d.round(d.round(range) - m);
            f = rest > 0 ? d.round(1.0 / rest) : 0.0;
        }
        if (settings.higherTrim()) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                max = Math.max(max, v);
            }
            if (max != 0) {
                f = d.round(1.0 / max);
            }
        }
        for (int i = 0; i < n; i++) {
            if (below[i]) {
                continue;
            }
            double scaled = d.round(d.round(x[i] * f) * (window - 1));
            long idx = (long) Math.ceil(scaled) + 1;
            idx = Math.max(0, Math.min(idx, window));
            if (idx >= 1) {
                out.put((int) ((window - idx) * n + i), (byte) 1);
            }
        }
    }

    private double threshold(double[] x, DType d) {
        if (settings.sparsity() != null) {
            return quantile(x, 1.0 - settings.sparsity(), d);
        }
        return settings.threshold() != null ? settings.threshold() : settings.minVal();
    }

    /** The q-quantile with linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] x, double q, DType d) {
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        double frac = pos - lo;
        return d.round(s[lo] + d.round(d.round(frac) * d.round(s[hi] - s[lo])));
    }
}
