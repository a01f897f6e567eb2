package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;

/** Spatial connections and their learning rules: Conv2d, Local2d, Lateral, AveragePool2D. */
@Component(service = BehaviorProvider.class)
public final class ConvolutionBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of();
    }
}
