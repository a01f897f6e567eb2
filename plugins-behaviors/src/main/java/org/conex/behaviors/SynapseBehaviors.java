package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;

/** Synapse plumbing: initialisers, spike catchers, traces, normalisation, clipping. */
@Component(service = BehaviorProvider.class)
public final class SynapseBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of();
    }
}
