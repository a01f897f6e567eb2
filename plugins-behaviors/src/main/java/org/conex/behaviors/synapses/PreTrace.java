package org.conex.behaviors.synapses;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;

/**
 * Presynaptic spike trace (priority 460): {@code pre_trace} (float[N_src]) from
 * {@code pre_spike}, see {@link SpikeTrace} for the update, parameters ({@code tau_s} in ms,
 * required, &gt; dt; {@code spike_scale}, default 1) and units. Read by the learning rules (500).
 */
public final class PreTrace extends SpikeTrace {
    public static final BehaviorType TYPE = BehaviorType.builder("PreTrace", PreTrace::new)
            .priority(460).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(PARAMS)
            .description("pre_trace += pre_spike*spike_scale, then decays by dt/tau_s")
            .build();

    public PreTrace(Params params) {
        super(params);
    }

    @Override
    String spikeVariable() {
        return "pre_spike";
    }

    @Override
    String traceVariable() {
        return "pre_trace";
    }

    @Override
    int size(SynapseGroup synapse) {
        return synapse.src().size();
    }
}
