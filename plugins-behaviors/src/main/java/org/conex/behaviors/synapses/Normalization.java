package org.conex.behaviors.synapses;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;

/**
 * Common part of {@link WeightNormalization} and {@link CurrentNormalization}: per-step factors
 * {@code f[g] = norm / S[g]} where {@code S[g]} is the current total of weight group g (see
 * {@link WeightGroups}: per destination neuron for 2-D, 3-D and sparse weights, per output kernel
 * for conv; a zero total counts as 1). Evaluated in the network dtype
 * ({@code round(round(norm) / S)}).
 *
 * <p>Parameters: {@code norm} (default 1; the wanted total); {@code sum_all_1d} (default true).
 * 1-D one-to-one weights are normalised as one vector by default, as in the reference (torch reads
 * the empty axis list as "reduce everything", ODD-8; golden case {@code one2one_norm_quirk}): the N
 * weights are scaled together so that they sum to {@code norm}, which keeps their ratios (what
 * learning changed). {@code sum_all_1d = false} makes each destination neuron's single weight its
 * own total instead, which sets every non-zero weight to {@code norm} on every step. The parameter
 * has no effect on other ranks.
 */
abstract class Normalization extends Behavior<SynapseGroup> {
    static final ParamSpec[] PARAMS = {
        ParamSpec.of("norm", ParamKind.NUMBER).withDefault(1.0).doc("wanted total of each weight group"),
        ParamSpec.of("sum_all_1d", ParamKind.BOOLEAN)
                .withDefault(true)
                .doc("1-D weights: true (default, as the reference, ODD-8) scales them as one vector to sum to norm;"
                        + " false makes each weight its own total (every non-zero weight becomes norm)"),
    };

    private WeightGroups groups;
    private double[] factors;
    private double norm;

    Normalization(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup synapse) {
        norm = synapse.network().dtype().round(params().number("norm"));
        if (!Double.isFinite(norm)) {
            throw error("parameter 'norm' must be finite, found " + params().number("norm"));
        }
        groups = group(synapse.get("weights"), params().bool("sum_all_1d"));
        factors = new double[groups.groups()];
    }

    private WeightGroups group(Object weights, boolean sumAll1d) {
        try {
            return WeightGroups.of(weights, sumAll1d);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** The grouping made at initialization. */
    final WeightGroups groups() {
        return groups;
    }

    /**
     * Recomputes {@code norm / total} per group from the current weights.
     *
     * @return the preallocated factor array
     */
    final double[] factors(SynapseGroup synapse, Object weights) {
        if (!groups.fits(weights)) {
            throw error("the weights changed shape after initialization (now " + weights + ")");
        }
        double[] totals = groups.totals(weights);
        boolean f32 = synapse.network().dtype() == org.conex.api.tensor.DType.FLOAT32;
        for (int g = 0; g < factors.length; g++) {
            double f = norm / totals[g];
            factors[g] = f32 ? (float) f : f;
        }
        return factors;
    }
}
