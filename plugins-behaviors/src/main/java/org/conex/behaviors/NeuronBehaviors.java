package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;
import org.conex.behaviors.neurons.Fire;
import org.conex.behaviors.neurons.LIF;

/** Neuron models, firing, dendrites, axon, competition and homeostasis. */
@Component(service = BehaviorProvider.class)
public final class NeuronBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(LIF.TYPE, Fire.TYPE);
    }
}
