package org.conex.helpers.transforms;

import java.util.Locale;
import org.conex.api.ConexException;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code normalizeTensor}: min-max or z-score normalization of a whole tensor, as the CoNeX
 * documentation's {@code normalize_tensor()}.
 * <ul>
 * <li>{@link Method#MIN_MAX}: {@code (x - min) / max(max - min, epsilon)}: values in [0, 1],
 *     exactly 0 at the minimum and 1 at the maximum ([0, 5, 10] gives [0, 0.5, 1]);</li>
 * <li>{@link Method#Z_SCORE}: {@code (x - mean) / max(std, epsilon)} with the population
 *     standard deviation (divisor n): mean 0, standard deviation 1.</li>
 * </ul>
 * <b>Epsilon:</b> the divisor never falls below {@code epsilon} (default {@value #DEFAULT_EPSILON}),
 * so a constant input gives all zeros, never NaN; for a non-constant input whose range (or standard
 * deviation) exceeds epsilon the result is exact. Statistics are computed in double; the result has
 * the input's floating type (float32 for integer inputs). NaN or infinite inputs are an error. The
 * input is not modified.
 *
 * <pre>{@code
 * INDArray unit = TensorNormalization.normalizeTensor(image);                  // min-max
 * INDArray z = TensorNormalization.normalizeTensor(image, Method.Z_SCORE, 1e-8);
 * }</pre>
 */
public final class TensorNormalization {
    /** Default smallest divisor. */
    public static final double DEFAULT_EPSILON = 1e-8;

    /** Normalization method. */
    public enum Method {
        /** Map [min, max] onto [0, 1]. */
        MIN_MAX,
        /** Subtract the mean, divide by the standard deviation. */
        Z_SCORE;

        /** "min_max" / "z_score" (case-insensitive, '-' accepted for '_'). */
        public static Method parse(String s) {
            String k = s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Method m : values()) {
                if (m.name().equals(k)) {
                    return m;
                }
            }
            throw new ConexException("unknown normalization '" + s + "': expected min_max or z_score");
        }
    }

    private TensorNormalization() {
    }

    /** Min-max normalization with the default epsilon. */
    public static INDArray normalizeTensor(INDArray x) {
        return normalizeTensor(x, Method.MIN_MAX, DEFAULT_EPSILON);
    }

    /**
     * @param x       any numeric tensor (never null, not modified)
     * @param method  min-max or z-score
     * @param epsilon smallest divisor, > 0
     * @return a new tensor of x's shape
     */
    public static INDArray normalizeTensor(INDArray x, Method method, double epsilon) {
        if (!(epsilon > 0)) {
            throw new ConexException("normalizeTensor: epsilon must be > 0, found " + epsilon);
        }
        double[] v = Tensors.toDoubles(x);
        if (v.length == 0) {
            return Tensors.of(ValueTransforms.floating(x), v, x.shape());
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ConexException("normalizeTensor: element " + i + " is " + v[i] + "; expected finite values");
            }
        }
        double shift;
        double divisor;
        if (method == Method.MIN_MAX) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            shift = min;
            divisor = Math.max(max - min, epsilon);
        } else {
            double mean = 0;
            for (double d : v) {
                mean += d;
            }
            mean /= v.length;
            double var = 0;
            for (double d : v) {
                var += (d - mean) * (d - mean);
            }
            shift = mean;
            divisor = Math.max(Math.sqrt(var / v.length), epsilon);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - shift) / divisor;
        }
        return Tensors.of(ValueTransforms.floating(x), v, x.shape());
    }
}
