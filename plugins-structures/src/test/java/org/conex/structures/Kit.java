package org.conex.structures;

import org.conex.api.structure.StructureRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.runtime.BehaviorRegistry;

/** Shared registries and small builders for the structure tests. */
final class Kit {
    /** Every behavior on the test class path (plugins-behaviors, SpikeNdDataset). */
    static final BehaviorRegistry BEHAVIORS = BehaviorRegistry.fromClassPath();
    /** Every structure type on the class path. */
    static final StructureRegistry STRUCTURES = StructureRegistry.fromClassPath();

    private Kit() {
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static BehaviorSpec spec(String type, Object... kv) {
        return BehaviorSpec.of(type, map(kv));
    }

    /** The mnist.py neuron behaviors: dendrites, LIF(R=5, tau=10, threshold=0), axon. */
    static List<BehaviorSpec> lifBehaviors() {
        return List.of(spec("SimpleDendriteStructure"), spec("SimpleDendriteComputation"),
                spec("LIF", "R", 5.0, "tau", 10.0, "threshold", 0.0, "v_reset", 0.0, "v_rest", 0.0),
                spec("NeuronAxon"));
    }

    /** A group with the mnist.py neuron behaviors (fresh instances). */
    static NeuronGroup lifGroup(Network net, String tag, int size, String... extraTags) {
        NeuronGroup g = net.addNeuronGroup(tag, size);
        for (String t : extraTags) {
            g.addTag(t);
        }
        BehaviorMap.of(lifBehaviors(), BEHAVIORS, tag).attachTo(g, BEHAVIORS);
        return g;
    }

    /** The mnist.py layer synapse behaviors: SynapseInit, random weights, dense input, pre catcher. */
    static List<BehaviorSpec> layerSynapse() {
        return List.of(spec("SynapseInit"), spec("WeightInitializer", "mode", "random"),
                spec("SimpleDendriticInput", "current_coef", 1.0), spec("PreSpikeCatcher"));
    }
}
