package org.conex.behaviors.neurons;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.SpikingNeuron;

/**
 * Spike generation (priority 340): delegates to the group's neuron model
 * ({@code spiking_neuron}, set by LIF/ELIF/AELIF or any {@link SpikingNeuron}).
 */
public final class Fire extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("Fire", Fire::new)
            .priority(340).target(Target.NEURON_GROUP)
            .description("spikes = v >= threshold, then reset (delegates to the neuron model)")
            .build();

    private SpikingNeuron model;

    public Fire(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        if (!g.has("spiking_neuron")) {
            throw error("needs a neuron model (LIF, ELIF, AELIF or another SpikingNeuron) on the same group");
        }
    }

    @Override
    public void forward(NeuronGroup g) {
        if (model == null || g.get("spiking_neuron") != model) {
            model = g.attr("spiking_neuron", SpikingNeuron.class);
        }
        model.fire(g);
    }
}
