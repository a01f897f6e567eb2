package org.conex.structures.layer;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;

/** Behaviors owned by structures rather than groups: {@link SpikeNdDataset} (input layers). */
public final class LayerBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(SpikeNdDataset.TYPE);
    }
}
