package org.conex.bench.behaviors;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;

/**
 * The benchmark plugin's behaviors, registered in META-INF/services like any third-party plugin:
 * the PymoNNtorch paper's "Simple" network (SimpleSpikeGeneration, SimpleNoisyInput,
 * SimplePairSTDP), its Izhikevich network (IzhikevichInput, IzhikevichNeuron, NeuronTrace,
 * TraceSTDP), the Poisson input of the CoNeX workload (PoissonInput) and a SpikeCounter.
 */
public final class BenchmarkBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(SimpleSpikeGeneration.TYPE, SimpleNoisyInput.TYPE, SimplePairSTDP.TYPE,
                IzhikevichInput.TYPE, IzhikevichNeuron.TYPE, NeuronTrace.TYPE, TraceSTDP.TYPE,
                PoissonInput.TYPE, SpikeCounter.TYPE);
    }
}
