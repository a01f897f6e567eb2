package org.conex.behaviors.synapses;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.SynapseGroup;

/**
 * Rescales the weights every step so that each group sums to {@code norm} (priority 520, after
 * learning and before WeightClip): {@code W := W * (norm / S)} with S the group totals of
 * {@link Normalization} (per destination neuron for 2-D {@code [S, D]} weights, e.g.
 * {@code [[1,2],[3,2]] -> [[.25,.5],[.75,.5]]}; per output kernel for conv; per (channel, location)
 * for local; per destination column for sparse weights, which the reference does not support).
 * A group summing to 0 is left unchanged. Signed weights whose total is near 0 blow up, as in the
 * reference.
 */
public final class WeightNormalization extends Normalization {
    public static final BehaviorType TYPE = BehaviorType.builder("WeightNormalization", WeightNormalization::new)
            .priority(520).target(Target.SYNAPSE_GROUP)
            .params(PARAMS)
            .description("W *= norm / (weight total per destination neuron or kernel)")
            .build();

    public WeightNormalization(Params params) {
        super(params);
    }

    @Override
    public void forward(SynapseGroup synapse) {
        Object w = synapse.get("weights");
        groups().scale(w, factors(synapse, w));
    }
}
