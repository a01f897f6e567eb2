package org.conex.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.behaviors.learning.One2OneRSTDP;
import org.conex.behaviors.learning.One2OneSTDP;
import org.conex.behaviors.learning.One2OneiSTDP;
import org.conex.behaviors.learning.SimpleRSTDP;
import org.conex.behaviors.learning.SimpleSTDP;
import org.conex.behaviors.learning.SimpleiSTDP;
import org.conex.behaviors.learning.SparseRSTDP;
import org.conex.behaviors.learning.SparseSTDP;
import org.conex.behaviors.learning.SparseiSTDP;
import org.osgi.service.component.annotations.Component;

/**
 * Learning rules (priority 500, tag "weight_learning"): STDP, reward-modulated STDP and inhibitory
 * STDP for dense, one-to-one and sparse connections. The convolutional and local variants are
 * published by {@link ConvolutionBehaviors}.
 */
@Component(service = BehaviorProvider.class)
public final class LearningBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(SimpleSTDP.TYPE, One2OneSTDP.TYPE, SparseSTDP.TYPE,
                SimpleRSTDP.TYPE, One2OneRSTDP.TYPE, SparseRSTDP.TYPE,
                SimpleiSTDP.TYPE, One2OneiSTDP.TYPE, SparseiSTDP.TYPE);
    }
}
