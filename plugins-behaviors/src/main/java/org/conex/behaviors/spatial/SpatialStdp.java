package org.conex.behaviors.spatial;

import org.conex.behaviors.learning.StdpParams;

/**
 * The per-weight STDP increment shared by the convolutional and local rules, in the reference's
 * evaluation order (spec behaviors.md 4.10), each operation rounded to the dtype:
 *
 * <pre>  dw = (plus * B+(w)) * a_plus - (minus * B-(w)) * a_minus</pre>
 *
 * where {@code plus} is the potentiation sum (pre trace times post spike) and {@code minus} the
 * depression sum (pre spike times post trace) of this weight, and {@code B+}/{@code B-} the bounds of
 * the pre-update weight {@code w}. Conv2d rules then divide by {@code H_out*W_out}.
 */
public final class SpatialStdp {
    private SpatialStdp() {
    }

    /**
     * @param p     the rule's STDP parameters (amplitudes and bounds, rounded to the dtype)
     * @param w     pre-update weight
     * @param plus  potentiation sum, a dtype value (0 when no post spike contributes)
     * @param minus depression sum, a dtype value (0 when no pre spike contributes)
     */
    public static double increment(StdpParams p, double w, double plus, double minus) {
        org.conex.api.tensor.DType t = p.dtype();
        double dp = plus == 0 ? 0 : t.round(t.round(plus * p.positiveFactor(w)) * p.aPlus());
        double dm = minus == 0 ? 0 : t.round(t.round(minus * p.negativeFactor(w)) * p.aMinus());
        return t.round(dp - dm);
    }
}
