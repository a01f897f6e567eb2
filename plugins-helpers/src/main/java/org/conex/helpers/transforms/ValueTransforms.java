package org.conex.helpers.transforms;

import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.helper.TensorTransform;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element-wise value transforms (behaviors.md 6.6 and the normalization the CoNeX docs name),
 * each returning a new floating array of the input's floating type (float32 for integer and bool
 * inputs):
 * <ul>
 * <li>{@link #absolute()}: |x| ([-1, 2] to [1, 2]);</li>
 * <li>{@link #divideSignPolarity()}: {@code concat([max(x, 0), max(-x, 0)], axis 0)}, axis 0
 *     doubles ([[-1, 2]] to [[0, 2], [1, 0]]);</li>
 * <li>{@link #normalize(TensorNormalization.Method, double)}: {@link TensorNormalization};</li>
 * <li>{@link #scale(double)}: multiply by a factor (1/255 turns 8-bit pixels into [0, 1]).</li>
 * </ul>
 */
public final class ValueTransforms {
    /** "AbsoluteTransform". */
    public static final HelperType ABSOLUTE = HelperType.builder("AbsoluteTransform", HelperKind.TRANSFORM,
            (p, ctx) -> absolute()).description("element-wise absolute value").build();
    /** "DivideSignPolarity". */
    public static final HelperType DIVIDE_SIGN_POLARITY = HelperType.builder("DivideSignPolarity",
            HelperKind.TRANSFORM, (p, ctx) -> divideSignPolarity())
            .description("positive part, then magnitude of the negative part, stacked on axis 0").build();
    /** "NormalizeTransform": method ("min_max" or "z_score"), epsilon. */
    public static final HelperType NORMALIZE = HelperType.builder("NormalizeTransform", HelperKind.TRANSFORM,
                    (p, ctx) -> normalize(TensorNormalization.Method.parse(p.string("method")), p.number("epsilon")))
            .params(ParamSpec.of("method", ParamKind.STRING).withDefault("min_max").oneOf("min_max", "z_score"),
                    ParamSpec.of("epsilon", ParamKind.NUMBER).withDefault(TensorNormalization.DEFAULT_EPSILON)
                            .greaterThan(0).doc("smallest divisor (range or standard deviation)"))
            .description("min-max to [0, 1] or z-score normalization of the whole tensor").build();
    /** "ScaleTransform": factor. */
    public static final HelperType SCALE = HelperType.builder("ScaleTransform", HelperKind.TRANSFORM,
                    (p, ctx) -> scale(p.number("factor")))
            .param(ParamSpec.of("factor", ParamKind.NUMBER).asRequired())
            .description("multiplies every element by a factor").build();

    private ValueTransforms() {
    }

    public static TensorTransform absolute() {
        return new Named("AbsoluteTransform", x -> map(x, Math::abs));
    }

    public static TensorTransform scale(double factor) {
        return new Named("ScaleTransform(" + factor + ")", x -> map(x, v -> v * factor));
    }

    public static TensorTransform normalize(TensorNormalization.Method method, double epsilon) {
        return new Named("NormalizeTransform(" + method + ")", x -> TensorNormalization.normalizeTensor(x, method, epsilon));
    }

    public static TensorTransform divideSignPolarity() {
        return new Named("DivideSignPolarity", x -> {
            if (x.rank() == 0) {
                throw new org.conex.api.ConexException("DivideSignPolarity: needs at least one axis, found a scalar");
            }
            double[] v = Tensors.toDoubles(x);
            double[] out = new double[2 * v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = Math.max(v[i], 0);
                out[v.length + i] = Math.max(-v[i], 0);
            }
            long[] s = x.shape().clone();
            s[0] *= 2;
            return Tensors.of(floating(x), out, s);
        });
    }

    /** The floating type results are stored in: the input's if floating, else float32. */
    static DType floating(INDArray x) {
        return x.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
    }

    private static INDArray map(INDArray x, java.util.function.DoubleUnaryOperator f) {
        double[] v = Tensors.toDoubles(x);
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return Tensors.of(floating(x), v, x.shape());
    }
}
