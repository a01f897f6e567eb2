package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.behaviors.neurons.AELIF;
import org.conex.behaviors.neurons.ActivityBaseHomeostasis;
import org.conex.behaviors.neurons.ELIF;
import org.conex.behaviors.neurons.Fire;
import org.conex.behaviors.neurons.InherentNoise;
import org.conex.behaviors.neurons.KWTA;
import org.conex.behaviors.neurons.LIF;
import org.conex.behaviors.neurons.LocationSetter;
import org.conex.behaviors.neurons.NeuronAxon;
import org.conex.behaviors.neurons.SensorySetter;
import org.conex.behaviors.neurons.SimpleDendriteComputation;
import org.conex.behaviors.neurons.SimpleDendriteStructure;
import org.conex.behaviors.neurons.VoltageBaseHomeostasis;
import org.osgi.service.component.annotations.Component;

/** Neuron models, firing, dendrites, axon, noise, competition, homeostasis and input setters. */
@Component(service = BehaviorProvider.class)
public final class NeuronBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(LIF.TYPE, ELIF.TYPE, AELIF.TYPE, Fire.TYPE,
                SimpleDendriteStructure.TYPE, SimpleDendriteComputation.TYPE, NeuronAxon.TYPE,
                InherentNoise.TYPE, KWTA.TYPE, VoltageBaseHomeostasis.TYPE, ActivityBaseHomeostasis.TYPE,
                SensorySetter.TYPE, LocationSetter.TYPE);
    }
}
