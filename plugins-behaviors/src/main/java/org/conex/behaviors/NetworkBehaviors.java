package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;
import org.conex.behaviors.drivers.InputSequence;
import org.conex.behaviors.network.Dopamine;
import org.conex.behaviors.network.Payoff;
import org.conex.behaviors.network.TimeResolution;

/** Network-level behaviors (TimeResolution, Payoff, Dopamine) and the InputSequence driver. */
@Component(service = BehaviorProvider.class)
public final class NetworkBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(TimeResolution.TYPE, Payoff.TYPE, Dopamine.TYPE, InputSequence.TYPE);
    }
}
