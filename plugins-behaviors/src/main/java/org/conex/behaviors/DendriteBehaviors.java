package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.behaviors.dendrites.One2OneDendriticInput;
import org.conex.behaviors.dendrites.SimpleDendriticInput;
import org.conex.behaviors.dendrites.SparseDendriticInput;
import org.osgi.service.component.annotations.Component;

/** Dendritic inputs: dense, one-to-one, sparse, convolutional, local, lateral, pooling. */
@Component(service = BehaviorProvider.class)
public final class DendriteBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(SimpleDendriticInput.TYPE, One2OneDendriticInput.TYPE, SparseDendriticInput.TYPE);
    }
}
