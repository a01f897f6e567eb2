package org.conex.behaviors.synapses;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;

/**
 * Postsynaptic spike trace (priority 480): {@code post_trace} (float[N_dst]) from
 * {@code post_spike}, see {@link SpikeTrace} for the update, parameters ({@code tau_s} in ms,
 * required, &gt; dt; {@code spike_scale}, default 1) and units. Read by the learning rules (500).
 */
public final class PostTrace extends SpikeTrace {
    public static final BehaviorType TYPE = BehaviorType.builder("PostTrace", PostTrace::new)
            .priority(480).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(PARAMS)
            .description("post_trace += post_spike*spike_scale, then decays by dt/tau_s")
            .build();

    public PostTrace(Params params) {
        super(params);
    }

    @Override
    String spikeVariable() {
        return "post_spike";
    }

    @Override
    String traceVariable() {
        return "post_trace";
    }

    @Override
    int size(SynapseGroup synapse) {
        return synapse.dst().size();
    }
}
