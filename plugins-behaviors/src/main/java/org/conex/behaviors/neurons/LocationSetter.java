package org.conex.behaviors.neurons;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;

/**
 * Drives the location population of an input layer (priority 340): {@code spikes := layer.loc != 0}
 * each step, all false while {@code loc} is unset. See {@link InputLayerSetter}. No parameters.
 */
public final class LocationSetter extends InputLayerSetter {
    public static final BehaviorType TYPE = BehaviorType.builder("LocationSetter", LocationSetter::new)
            .priority(340).target(Target.NEURON_GROUP)
            .description("spikes := the input layer's location frame loc")
            .build();

    public LocationSetter(Params params) {
        super(params);
    }

    @Override
    protected String layerVariable() {
        return "loc";
    }
}
