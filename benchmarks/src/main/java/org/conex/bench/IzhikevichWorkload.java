package org.conex.bench;

import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;

/**
 * The PymoNNtorch paper's Izhikevich network: {@code n} neurons (2,500) all-to-all for
 * {@code steps} steps (300) with a = 0.02, b = 0.04 (as in the paper's script), c = -65, d = 2,
 * threshold 30, v ~ N(-65, 7), u ~ N(12, 7); input I = 15 + N(0, 1) + the weight rows of the
 * neurons that spiked; traces with tau 20 and increment 1/n; trace STDP with a+ = 0.01,
 * a- = 0.012, weights clipped to [0, 1] and started at U[0, 1) / n. Plugin behaviors by name.
 */
final class IzhikevichWorkload extends RecurrentWorkload {
    IzhikevichWorkload(int n, int steps) {
        super(n, steps);
    }

    @Override
    public String name() {
        return "izhikevich";
    }

    @Override
    public String description() {
        return "paper Izhikevich + trace STDP, " + n + " neurons all-to-all x " + steps() + " steps";
    }

    @Override
    public Network build(BehaviorLookup b, long seed) {
        Network net = new Network("izhikevich", DType.FLOAT32, SynapseMode.SxD, seed);
        NeuronGroup g = net.addNeuronGroup("NG", n);
        Models.add(b, g, "IzhikevichInput", "offset", 15.0, "noise", 1.0, "synapse_tag", "GLU");
        Models.add(b, g, "IzhikevichNeuron", "a", 0.02, "b", 0.04, "c", -65.0, "d", 2.0, "threshold", 30.0,
                "init_v", "normal(-65, 7)", "init_u", "normal(12, 7)");
        Models.add(b, g, "NeuronTrace", "tau", 20.0, "dirac", 1.0 / n);
        Models.add(b, g, "SpikeCounter");
        SynapseGroup s = net.addSynapseGroup("NG_NG", g, g, "GLU");
        Models.add(b, s, "WeightInitializer", "mode", "random", "scale", 1.0 / n);
        Models.add(b, s, "TraceSTDP", "a_plus", 0.01, "a_minus", 0.012, "w_min", 0.0, "w_max", 1.0);
        return net;
    }
}
