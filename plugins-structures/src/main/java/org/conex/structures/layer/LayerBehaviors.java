package org.conex.structures.layer;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;

/** Behaviors owned by structures rather than groups: {@link SpikeNdDataset} (input layers). */
@Component(service = BehaviorProvider.class)
public final class LayerBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(SpikeNdDataset.TYPE);
    }
}
