package org.conex.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;

/**
 * The CoNeX cortical workload of performance.md, built only from the project's CoNeX behaviors by
 * registered name (plus the benchmark plugin's PoissonInput and SpikeCounter):
 * <ul>
 *   <li>{@code input}: N/4 Poisson-encoded sensory neurons, PoissonInput(ratio = {@value #RATIO}:
 *       a fixed intensity U[0, 1) per neuron, so 2.5% spikes per step on average) and
 *       NeuronAxon(max_delay = 1);</li>
 *   <li>{@code exc}: N LIF neurons with SimpleDendriteStructure, SimpleDendriteComputation,
 *       LIF(R = 1, tau = 10 ms, threshold = -55 mV, v_reset = -70 mV, v_rest = -65 mV,
 *       init_v = -65 mV), Fire and NeuronAxon;</li>
 *   <li>{@code input_exc}: one all-to-all Proximal synapse group [N/4, N] with SynapseInit,
 *       WeightInitializer(mode "random"), SimpleDendriticInput(current_coef = {@value #DRIVE} * 320 / N,
 *       so the mean drive is the same {@value #DRIVE} mV at every size), Pre/PostSpikeCatcher,
 *       Pre/PostTrace(tau_s = {@value #TAU_TRACE} ms), SimpleSTDP(a_plus = {@value #A_PLUS},
 *       a_minus = {@value #A_MINUS}) and WeightClip(0, 1).</li>
 * </ul>
 * TimeResolution(dt = 1 ms) on the network.
 */
final class CortexWorkload implements Workload {
    static final double RATIO = 0.05;
    static final double DRIVE = 10.0;
    static final double TAU_TRACE = 10.0;
    static final double A_PLUS = 0.01;
    static final double A_MINUS = 0.012;

    private final int n;
    private final int steps;
    private final String name;

    CortexWorkload(String name, int n, int steps) {
        if (n < 4 || n % 4 != 0) {
            throw new IllegalArgumentException("the cortical workload needs N divisible by 4, found " + n);
        }
        this.name = name;
        this.n = n;
        this.steps = steps;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "CoNeX cortical: " + n / 4 + " Poisson -> " + n + " LIF, dense STDP + clip x " + steps + " steps";
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public Network build(BehaviorLookup b, long seed) {
        Network net = new Network("cortex", DType.FLOAT32, SynapseMode.SxD, seed);
        Models.add(b, net, "TimeResolution", "dt", 1.0);
        NeuronGroup input = net.addNeuronGroup("input", n / 4);
        Models.add(b, input, "PoissonInput", "ratio", RATIO);
        Models.add(b, input, "NeuronAxon", "max_delay", 1);
        Models.add(b, input, "SpikeCounter");
        NeuronGroup exc = net.addNeuronGroup("exc", n);
        Models.add(b, exc, "SimpleDendriteStructure");
        Models.add(b, exc, "SimpleDendriteComputation");
        Models.add(b, exc, "LIF", "R", 1.0, "tau", 10.0, "threshold", -55.0, "v_reset", -70.0, "v_rest", -65.0,
                "init_v", -65.0);
        Models.add(b, exc, "Fire");
        Models.add(b, exc, "NeuronAxon", "max_delay", 1);
        Models.add(b, exc, "SpikeCounter");
        SynapseGroup s = net.addSynapseGroup("input_exc", input, exc, "Proximal");
        Models.add(b, s, "SynapseInit");
        Models.add(b, s, "WeightInitializer", "mode", "random");
        Models.add(b, s, "SimpleDendriticInput", "current_coef", DRIVE * 320.0 / n);
        Models.add(b, s, "PreSpikeCatcher");
        Models.add(b, s, "PostSpikeCatcher");
        Models.add(b, s, "PreTrace", "tau_s", TAU_TRACE);
        Models.add(b, s, "PostTrace", "tau_s", TAU_TRACE);
        Models.add(b, s, "SimpleSTDP", "a_plus", A_PLUS, "a_minus", A_MINUS);
        Models.add(b, s, "WeightClip", "w_min", 0.0, "w_max", 1.0);
        return net;
    }

    @Override
    public long synapses(Network net) {
        return (long) n / 4 * n;
    }

    @Override
    public long synapticEvents(Network net) {
        return Models.spikeCount(net.neuronGroup("input")) * n;
    }

    @Override
    public Map<String, Object> summary(Network net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_spikes", Models.spikeCount(net.neuronGroup("input")));
        m.put("exc_spikes", Models.spikeCount(net.neuronGroup("exc")));
        m.put("mean_weight", Models.meanWeight(net.synapseGroup("input_exc")));
        return m;
    }
}
