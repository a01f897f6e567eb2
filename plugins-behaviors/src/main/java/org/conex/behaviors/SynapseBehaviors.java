package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.behaviors.synapses.CurrentNormalization;
import org.conex.behaviors.synapses.DelayInitializer;
import org.conex.behaviors.synapses.PostSpikeCatcher;
import org.conex.behaviors.synapses.PostTrace;
import org.conex.behaviors.synapses.PreSpikeCatcher;
import org.conex.behaviors.synapses.PreTrace;
import org.conex.behaviors.synapses.SynapseInit;
import org.conex.behaviors.synapses.WeightClip;
import org.conex.behaviors.synapses.WeightInitializer;
import org.conex.behaviors.synapses.WeightNormalization;
import org.osgi.service.component.annotations.Component;

/** Synapse plumbing: initialisers, spike catchers, traces, normalisation, clipping. */
@Component(service = BehaviorProvider.class)
public final class SynapseBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(SynapseInit.TYPE, WeightInitializer.TYPE, DelayInitializer.TYPE, PreSpikeCatcher.TYPE,
                PostSpikeCatcher.TYPE, PreTrace.TYPE, PostTrace.TYPE, CurrentNormalization.TYPE,
                WeightNormalization.TYPE, WeightClip.TYPE);
    }
}
