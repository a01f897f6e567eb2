package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;

/** Learning rules: STDP, RSTDP and iSTDP for every connection type. */
@Component(service = BehaviorProvider.class)
public final class LearningBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of();
    }
}
