package org.conex.behaviors.synapses;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;

/**
 * Catches presynaptic spikes with the axonal delay (priority 420, initialize-last):
 * {@code pre_spike[i] = src.axon.spiked(src_delay[i], i)}, bool[N_src]. Needs a NeuronAxon on the
 * source group with {@code max_delay > max(src_delay)} (checked at initialization) and
 * {@code src_delay} (SynapseInit / DelayInitializer). All false after initialization. Read by the
 * dendritic inputs at 180 of the next step, by PreTrace and the learning rules.
 */
public final class PreSpikeCatcher extends SpikeCatcher {
    public static final BehaviorType TYPE = BehaviorType.builder("PreSpikeCatcher", PreSpikeCatcher::new)
            .priority(420).target(Target.SYNAPSE_GROUP).initializeLast()
            .weightAccess(WeightAccess.NONE)
            .description("pre_spike = source spikes delayed by src_delay")
            .build();

    public PreSpikeCatcher(Params params) {
        super(params);
    }

    @Override
    NeuronGroup group(SynapseGroup synapse) {
        return synapse.src();
    }

    @Override
    String delayVariable() {
        return "src_delay";
    }

    @Override
    String outputVariable() {
        return "pre_spike";
    }
}
