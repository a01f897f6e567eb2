package org.conex.behaviors.learning;

import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.tensor.DType;

/**
 * The common STDP parameters (spec behaviors.md section 4.10), resolved for one network dtype,
 * and the per-synapse STDP increment of the Simple, One2One and Sparse rules.
 *
 * <ul>
 *   <li>{@code a_plus} (required): potentiation amplitude, per post spike and unit of pre trace;</li>
 *   <li>{@code a_minus} (required): depression amplitude, per pre spike and unit of post trace;</li>
 *   <li>{@code w_min} (default 0), {@code w_max} (default 1): weight range, used only by the bounds;</li>
 *   <li>{@code positive_bound}, {@code negative_bound} (default {@code "no_bound"}): a
 *       {@link StdpBound} name applied to the pre-update weights of the LTP and LTD terms.</li>
 * </ul>
 * None of the amplitudes is scaled by {@code dt} (reference ODD-2). When a bound is used,
 * {@code w_min < w_max} is required. Scalars are rounded to the network dtype once, as the
 * reference rounds a Python scalar combined with a float32 tensor.
 *
 * <p>Reused by the convolutional rules (Conv2d/Local2d STDP), which combine the same amplitudes and
 * bounds with their own sums; use {@link #aPlus()}, {@link #aMinus()}, {@link #positiveFactor} and
 * {@link #negativeFactor}.
 */
public final class StdpParams {
    private final double aPlus;
    private final double aMinus;
    private final double wMin;
    private final double wMax;
    private final StdpBound positive;
    private final StdpBound negative;
    private final DType dtype;

    private StdpParams(double aPlus, double aMinus, double wMin, double wMax, StdpBound positive,
                       StdpBound negative, DType dtype) {
        this.aPlus = aPlus;
        this.aMinus = aMinus;
        this.wMin = wMin;
        this.wMax = wMax;
        this.positive = positive;
        this.negative = negative;
        this.dtype = dtype;
    }

    /** The parameter declarations: a_plus, a_minus, w_min, w_max, positive_bound, negative_bound. */
    public static ParamSpec[] specs() {
        return new ParamSpec[] {
            ParamSpec.of("a_plus", ParamKind.NUMBER).asRequired()
                    .doc("potentiation amplitude (weight change per post spike and unit of pre trace)"),
            ParamSpec.of("a_minus", ParamKind.NUMBER).asRequired()
                    .doc("depression amplitude (weight change per pre spike and unit of post trace)"),
            ParamSpec.of("w_min", ParamKind.NUMBER).withDefault(0.0).doc("lower weight bound (used by the bounds)"),
            ParamSpec.of("w_max", ParamKind.NUMBER).withDefault(1.0).doc("upper weight bound (used by the bounds)"),
            ParamSpec.of("positive_bound", ParamKind.STRING).withDefault("no_bound").oneOf(StdpBound.keys())
                    .doc("bound applied to the potentiation term (soft_bound is the reference's two-sided product;"
                            + " soft_upper_bound the conventional max(w_max - w, 0))"),
            ParamSpec.of("negative_bound", ParamKind.STRING).withDefault("no_bound").oneOf(StdpBound.keys())
                    .doc("bound applied to the depression term (soft_lower_bound: the conventional max(w - w_min, 0))"),
        };
    }

    /**
     * Reads and checks the STDP parameters.
     *
     * @param p     validated parameters of a type declaring {@link #specs()}
     * @param dtype the network's floating type (scalars are rounded to it)
     * @throws ParameterException if a bound is used and {@code w_min >= w_max}
     */
    public static StdpParams of(Params p, DType dtype) {
        StdpBound pos = StdpBound.parse(p.string("positive_bound"));
        StdpBound neg = StdpBound.parse(p.string("negative_bound"));
        double lo = p.number("w_min");
        double hi = p.number("w_max");
        if ((pos != StdpBound.NO_BOUND || neg != StdpBound.NO_BOUND) && !(lo < hi)) {
            throw new ParameterException(p.component(), "w_min", "must be below w_max (" + hi
                    + ") when a bound is used, found " + lo);
        }
        return new StdpParams(dtype.round(p.number("a_plus")), dtype.round(p.number("a_minus")), dtype.round(lo),
                dtype.round(hi), pos, neg, dtype);
    }

    /** {@code a_plus} rounded to the dtype. */
    public double aPlus() {
        return aPlus;
    }

    /** {@code a_minus} rounded to the dtype. */
    public double aMinus() {
        return aMinus;
    }

    /** {@code w_min} rounded to the dtype. */
    public double wMin() {
        return wMin;
    }

    /** {@code w_max} rounded to the dtype. */
    public double wMax() {
        return wMax;
    }

    public StdpBound positiveBound() {
        return positive;
    }

    public StdpBound negativeBound() {
        return negative;
    }

    public DType dtype() {
        return dtype;
    }

    /** The potentiation bound factor for pre-update weight {@code w}. */
    public double positiveFactor(double w) {
        return positive.factor(w, wMin, wMax, dtype);
    }

    /** The depression bound factor for pre-update weight {@code w}. */
    public double negativeFactor(double w) {
        return negative.factor(w, wMin, wMax, dtype);
    }

    /**
     * The STDP increment of one synapse {@code (i, j)} with pre-update weight {@code w}, in the
     * reference's evaluation order with every operation rounded to the dtype:
     * {@code (x_pre[i]*s_post[j]) * a_plus * B+(w) - (s_pre[i]*x_post[j]) * a_minus * B-(w)}.
     * It is exactly 0 when neither {@code sPre} nor {@code sPost} is set (finite inputs).
     *
     * @param w     pre-update weight
     * @param xPre  presynaptic trace of source i
     * @param sPre  whether source i spiked (as caught by PreSpikeCatcher)
     * @param xPost postsynaptic trace of destination j
     * @param sPost whether destination j spiked
     */
    public double dw(double w, double xPre, boolean sPre, double xPost, boolean sPost) {
        double plus = sPost ? dtype.round(dtype.round(xPre * aPlus) * positiveFactor(w)) : 0.0;
        double minus = sPre ? dtype.round(dtype.round(xPost * aMinus) * negativeFactor(w)) : 0.0;
        return dtype.round(plus - minus);
    }
}
