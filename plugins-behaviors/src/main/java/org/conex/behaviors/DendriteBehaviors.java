package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;

/** Dendritic inputs: dense, one-to-one, sparse, convolutional, local, lateral, pooling. */
public final class DendriteBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of();
    }
}
