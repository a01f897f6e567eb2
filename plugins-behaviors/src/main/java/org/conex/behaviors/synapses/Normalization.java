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
 * <p>Parameters: {@code norm} (default 1; the wanted total); {@code sum_all_1d} (default: the
 * network's {@link org.conex.api.model.Network#referenceQuirks() reference-quirks} flag, off unless
 * asked for). For 1-D one-to-one weights the intended reading is per neuron: each destination
 * neuron's single weight is its own total. The reference instead divides by the sum of ALL weights
 * (torch reads the empty axis list as "reduce everything", ODD-8); {@code sum_all_1d = true}, or a
 * network with reference quirks on (as the conformance runner sets for golden case
 * {@code one2one_norm_quirk}), selects that. The flag has no effect on other ranks.
 */
abstract class Normalization extends Behavior<SynapseGroup> {
    static final ParamSpec[] PARAMS = {
        ParamSpec.of("norm", ParamKind.NUMBER).withDefault(1.0).doc("wanted total of each weight group"),
        ParamSpec.of("sum_all_1d", ParamKind.BOOLEAN)
                .doc("1-D weights: true divides by the sum of all weights (reference, ODD-8), false per neuron;"
                        + " absent: the network's reference-quirks flag"),
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
        Object sumAll = params().get("sum_all_1d");
        groups = group(synapse.get("weights"),
                sumAll == null ? synapse.network().referenceQuirks() : (Boolean) sumAll);
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
