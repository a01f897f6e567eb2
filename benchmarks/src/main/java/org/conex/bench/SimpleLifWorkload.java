package org.conex.bench;

import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;

/**
 * The PymoNNtorch paper's "Simple" network: {@code n} neurons (7,500) connected all-to-all
 * ({@code n²} float32 synapses, source x destination) for {@code steps} steps (100). Per step:
 * spikes where voltage &gt; 6.1, reset to 0, voltage *= 0.9 (SimpleSpikeGeneration); voltage +=
 * the weight rows of the neurons that spiked + U[0, 1) (SimpleNoisyInput); W[i, j] += 0.001 for i
 * spiked in the previous step and j now, clipped to [0, 1] (SimplePairSTDP). Weights start
 * U[0, 1) / n (WeightInitializer). All are plugin behaviors found by registered name.
 */
final class SimpleLifWorkload extends RecurrentWorkload {
    SimpleLifWorkload(int n, int steps) {
        super(n, steps);
    }

    @Override
    public String name() {
        return "simple-lif";
    }

    @Override
    public String description() {
        return "paper Simple LIF + STDP, " + n + " neurons all-to-all x " + steps() + " steps";
    }

    @Override
    public Network build(BehaviorLookup b, long seed) {
        Network net = new Network("simple", DType.FLOAT32, SynapseMode.SxD, seed);
        NeuronGroup g = net.addNeuronGroup("NG", n);
        Models.add(b, g, "SimpleSpikeGeneration", "threshold", 6.1, "decay", 0.9);
        Models.add(b, g, "SimpleNoisyInput", "noise", 1.0, "synapse_tag", "GLU");
        Models.add(b, g, "SpikeCounter");
        SynapseGroup s = net.addSynapseGroup("NG_NG", g, g, "GLU");
        Models.add(b, s, "WeightInitializer", "mode", "random", "scale", 1.0 / n);
        Models.add(b, s, "SimplePairSTDP", "increment", 0.001, "w_min", 0.0, "w_max", 1.0);
        return net;
    }
}
