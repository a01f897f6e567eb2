package org.conex.runtime.hotswap;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;

/**
 * The names of the variables a model creates on a neuron group, found by initialising a
 * throw-away instance on a scratch group of the same size and geometry (in a scratch network with
 * the same dtype, seed and network scalars such as {@code dt}). Used when a model was initialised
 * by the simulation's normal pass rather than by {@link HotSwap}, so its footprint was not seen.
 */
final class Footprint {
    private Footprint() {
    }

    /** The variables {@code type} creates on a group like {@code group}; empty if it cannot tell. */
    static Set<String> probe(BehaviorType type, Map<String, Object> params, NeuronGroup group, double priority) {
        Network real = group.network();
        Network scratch = new Network(real.tag(), real.dtype(), real.synapseMode(), real.random().masterSeed());
        for (String v : real.variables()) {
            if (real.get(v) instanceof Number) {
                scratch.put(v, real.get(v));
            }
        }
        NeuronGroup g = group.hasGeometry() ? scratch.addNeuronGroup(group.tag(), group.shape())
                : scratch.addNeuronGroup(group.tag(), group.size());
        Set<String> before = new LinkedHashSet<>(g.variables());
        try {
            @SuppressWarnings("unchecked")
            Behavior<NeuronGroup> b = (Behavior<NeuronGroup>) type.create(params);
            g.addBehavior(priority, b);
            b.initialize(g);
        } catch (RuntimeException e) {
            return Set.of();
        }
        Set<String> created = new LinkedHashSet<>(g.variables());
        created.removeAll(before);
        return created;
    }
}
