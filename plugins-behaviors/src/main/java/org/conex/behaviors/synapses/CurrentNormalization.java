package org.conex.behaviors.synapses;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * Rescales the synaptic current as if the weights summed to {@code norm} (priority 200, after the
 * dendritic input at 180 and before SimpleDendriteStructure at 220): every step the group totals S
 * of {@link Normalization} are recomputed from the current weights and
 * {@code I[j] := I[j] * (norm / S[j / r])}, where {@code r = N_dst / groups} repeats each factor
 * over consecutive entries (1 for 2-D, local and sparse weights; {@code H_out*W_out} for conv, whose
 * I is channel-major). Example: {@code W = [[1,2],[3,2]], I = [4,4], norm 1 -> I = [1,1]}.
 * The weights are not modified. N_dst must be a multiple of the number of groups (checked at
 * initialization; the reference silently misaligns).
 */
public final class CurrentNormalization extends Normalization {
    public static final BehaviorType TYPE = BehaviorType.builder("CurrentNormalization", CurrentNormalization::new)
            .priority(200).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(PARAMS)
            .description("I *= norm / (weight total per destination neuron or kernel)")
            .build();

    private int repeat;

    public CurrentNormalization(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup synapse) {
        super.initialize(synapse);
        int n = synapse.dst().size();
        int g = groups().groups();
        if (n % g != 0) {
            throw error("the weights form " + g + " normalisation groups but destination '" + synapse.dst().tag()
                    + "' has " + n + " neurons, not a multiple of " + g);
        }
        repeat = n / g;
    }

    @Override
    public void forward(SynapseGroup synapse) {
        Vec current = synapse.vec("I");
        if (current.length() != repeat * groups().groups()) {
            throw error("'I' has " + current.length() + " values, expected " + repeat * groups().groups()
                    + " (one per destination neuron); is a dendritic input missing?");
        }
        double[] f = factors(synapse, synapse.get("weights"));
        for (int j = 0, n = current.length(); j < n; j++) {
            current.set(j, current.get(j) * f[j / repeat]);
        }
    }
}
