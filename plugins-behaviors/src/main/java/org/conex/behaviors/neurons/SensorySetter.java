package org.conex.behaviors.neurons;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;

/**
 * Drives the sensory population of an input layer (priority 340): {@code spikes := layer.x != 0}
 * each step, all false while {@code x} is unset. See {@link InputLayerSetter}. No parameters.
 */
public final class SensorySetter extends InputLayerSetter {
    public static final BehaviorType TYPE = BehaviorType.builder("SensorySetter", SensorySetter::new)
            .priority(340).target(Target.NEURON_GROUP)
            .description("spikes := the input layer's sensory frame x")
            .build();

    public SensorySetter(Params params) {
        super(params);
    }

    @Override
    protected String layerVariable() {
        return "x";
    }
}
