package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.behaviors.dendrites.AveragePool2D;
import org.conex.behaviors.dendrites.Conv2dDendriticInput;
import org.conex.behaviors.dendrites.LateralDendriticInput;
import org.conex.behaviors.dendrites.Local2dDendriticInput;
import org.conex.behaviors.spatial.Conv2dRSTDP;
import org.conex.behaviors.spatial.Conv2dSTDP;
import org.conex.behaviors.spatial.Local2dRSTDP;
import org.conex.behaviors.spatial.Local2dSTDP;
import org.osgi.service.component.annotations.Component;

/**
 * Spatial connections and their learning rules: Conv2d, Local2d and Lateral dendritic inputs,
 * AveragePool2D, and Conv2d/Local2d STDP and RSTDP (package {@code org.conex.behaviors.spatial}).
 */
@Component(service = BehaviorProvider.class)
public final class ConvolutionBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(Conv2dDendriticInput.TYPE, Local2dDendriticInput.TYPE, LateralDendriticInput.TYPE,
                AveragePool2D.TYPE, Conv2dSTDP.TYPE, Conv2dRSTDP.TYPE, Local2dSTDP.TYPE, Local2dRSTDP.TYPE);
    }
}
