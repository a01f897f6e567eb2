package org.conex.behaviors.synapses;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;

/**
 * Catches postsynaptic spikes (priority 440, initialize-last):
 * {@code post_spike[j] = dst.axon.spiked(dst_delay[j], j)}, bool[N_dst]. As in the reference
 * (ODD-10) the history index is {@code dst_delay}, the dendritic delay, so the postsynaptic spikes
 * seen by learning are delayed by it. Needs a NeuronAxon on the destination group with
 * {@code max_delay > max(dst_delay)} (checked at initialization). All false after initialization.
 */
public final class PostSpikeCatcher extends SpikeCatcher {
    public static final BehaviorType TYPE = BehaviorType.builder("PostSpikeCatcher", PostSpikeCatcher::new)
            .priority(440).target(Target.SYNAPSE_GROUP).initializeLast()
            .weightAccess(WeightAccess.NONE)
            .description("post_spike = destination spikes delayed by dst_delay")
            .build();

    public PostSpikeCatcher(Params params) {
        super(params);
    }

    @Override
    NeuronGroup group(SynapseGroup synapse) {
        return synapse.dst();
    }

    @Override
    String delayVariable() {
        return "dst_delay";
    }

    @Override
    String outputVariable() {
        return "post_spike";
    }
}
