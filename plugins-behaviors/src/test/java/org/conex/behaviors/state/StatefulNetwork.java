package org.conex.behaviors.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.behaviors.dendrites.Conv2dDendriticInput;
import org.conex.behaviors.dendrites.SimpleDendriticInput;
import org.conex.behaviors.dendrites.SparseDendriticInput;
import org.conex.behaviors.drivers.InputSequence;
import org.conex.behaviors.learning.SimpleRSTDP;
import org.conex.behaviors.learning.SimpleSTDP;
import org.conex.behaviors.learning.SparseRSTDP;
import org.conex.behaviors.network.Dopamine;
import org.conex.behaviors.network.Payoff;
import org.conex.behaviors.network.TimeResolution;
import org.conex.behaviors.neurons.AELIF;
import org.conex.behaviors.neurons.ActivityBaseHomeostasis;
import org.conex.behaviors.neurons.Fire;
import org.conex.behaviors.neurons.InherentNoise;
import org.conex.behaviors.neurons.KWTA;
import org.conex.behaviors.neurons.LIF;
import org.conex.behaviors.neurons.NeuronAxon;
import org.conex.behaviors.neurons.SimpleDendriteComputation;
import org.conex.behaviors.neurons.SimpleDendriteStructure;
import org.conex.behaviors.neurons.VoltageBaseHomeostasis;
import org.conex.behaviors.spatial.Conv2dRSTDP;
import org.conex.behaviors.spatial.Conv2dSTDP;
import org.conex.behaviors.synapses.DelayInitializer;
import org.conex.behaviors.synapses.PostSpikeCatcher;
import org.conex.behaviors.synapses.PostTrace;
import org.conex.behaviors.synapses.PreSpikeCatcher;
import org.conex.behaviors.synapses.PreTrace;
import org.conex.behaviors.synapses.SynapseInit;
import org.conex.behaviors.synapses.WeightClip;
import org.conex.behaviors.synapses.WeightInitializer;

/**
 * The model of the state tests: one network that uses every behavior with state of its own, built
 * through the registered types so that two builds with the same seed are identical.
 *
 * <ul>
 *   <li>network: TimeResolution, Payoff, a payoff schedule (InputSequence at 110), Dopamine;</li>
 *   <li>{@code in} (1x6x6): driven LIF with InherentNoise, Fire, NeuronAxon (max_delay 4);</li>
 *   <li>{@code exc} (8): AELIF with all three dendrite kinds and dendritic delays, noise, KWTA,
 *       both homeostasis rules, NeuronAxon (max_delay 3);</li>
 *   <li>{@code map} (2x4x4): LIF with dendrites (proximal delays), fed by two convolutions;</li>
 *   <li>{@code in -> exc}: dense Proximal STDP with axonal and dendritic delays and a clip; sparse
 *       Distal RSTDP (random initial eligibility); dense Apical RSTDP;</li>
 *   <li>{@code in -> map}: Conv2dSTDP (Proximal, dendritic delays) and Conv2dRSTDP (Distal).</li>
 * </ul>
 */
final class StatefulNetwork {
    /** The groups whose spikes the tests compare. */
    static final List<String> GROUPS = List.of("in", "exc", "map");
    /** The synapses whose weights the tests compare. */
    static final List<String> SYNAPSES = List.of("prox", "dist", "api", "conv", "conv_r");

    private StatefulNetwork() {
    }

    /** A fresh, uninitialised network of this model. */
    static Network build(DType dtype, long seed) {
        Network net = new Network("net", dtype, SynapseMode.SxD, seed);
        add(net, TimeResolution.TYPE, "dt", 1.0);
        add(net, Payoff.TYPE, "initial_payoff", 0.0);
        net.addBehavior(110, InputSequence.TYPE.create(params("variable", "payoff",
                "values", rows(new double[] {0}, new double[] {1}, new double[] {-0.5}, new double[] {0.25}))));
        add(net, Dopamine.TYPE, "tau_dopamine", 4.0);

        NeuronGroup in = net.addNeuronGroup("in", new NeuronShape(1, 6, 6));
        in.addBehavior(250, InputSequence.TYPE.create(params("variable", "I", "values", drive(36))));
        lif(in, -65.0);
        add(in, InherentNoise.TYPE, "mode", "normal(0, 1)", "scale", 2.0);
        add(in, Fire.TYPE);
        add(in, NeuronAxon.TYPE, "max_delay", 4);

        NeuronGroup exc = net.addNeuronGroup("exc", 8);
        add(exc, SimpleDendriteStructure.TYPE, "Proximal_max_delay", 3, "Distal_max_delay", 2,
                "Apical_max_delay", 3);
        add(exc, SimpleDendriteComputation.TYPE, "I_tau", 3.0, "apical_provocativeness", 0.5,
                "distal_provocativeness", 0.8);
        add(exc, AELIF.TYPE, "R", 1.0, "tau", 10.0, "threshold", -50.0, "v_reset", -65.0, "v_rest", -65.0,
                "init_v", -65.0, "delta", 2.0, "theta_rh", -55.0, "alpha", 0.01, "beta", 0.5, "w_tau", 20.0);
        add(exc, InherentNoise.TYPE, "mode", "normal(0, 1)", "scale", 0.5);
        add(exc, KWTA.TYPE, "k", 2);
        add(exc, VoltageBaseHomeostasis.TYPE, "target_voltage", -60.0, "max_ta", -52.0, "min_ta", -68.0,
                "eta_ip", 0.01);
        add(exc, Fire.TYPE);
        add(exc, ActivityBaseHomeostasis.TYPE, "activity_rate", 2.0, "window_size", 5, "updating_rate", 0.5,
                "decay_rate", 0.8);
        add(exc, NeuronAxon.TYPE, "max_delay", 3);

        NeuronGroup map = net.addNeuronGroup("map", new NeuronShape(2, 4, 4));
        add(map, SimpleDendriteStructure.TYPE, "Proximal_max_delay", 2);
        add(map, SimpleDendriteComputation.TYPE, "I_tau", 2.0, "distal_provocativeness", 0.9);
        lif(map, -65.0);
        add(map, Fire.TYPE);
        add(map, NeuronAxon.TYPE, "max_delay", 2);

        SynapseGroup prox = synapse(net, "prox", in, exc, "Proximal", 3, 3.0);
        add(prox, WeightInitializer.TYPE, "mode", "rand", "scale", 3.0);
        add(prox, SimpleDendriticInput.TYPE, "current_coef", 0.5);
        add(prox, SimpleSTDP.TYPE, "a_plus", 0.05, "a_minus", 0.04, "positive_bound", "soft_bound", "w_min", 0.0,
                "w_max", 4.0);
        add(prox, WeightClip.TYPE, "w_min", 0.0, "w_max", 4.0);

        SynapseGroup dist = synapse(net, "dist", in, exc, "Distal", 2, 2.0);
        add(dist, WeightInitializer.TYPE, "mode", "rand", "density", 0.3, "scale", 2.0);
        add(dist, SparseDendriticInput.TYPE);
        add(dist, SparseRSTDP.TYPE, "a_plus", 0.02, "a_minus", 0.02, "tau_c", 5.0, "init_c_mode", "rand");

        SynapseGroup api = synapse(net, "api", in, exc, "Apical", 3, 3.0);
        add(api, WeightInitializer.TYPE, "mode", "rand");
        add(api, SimpleDendriticInput.TYPE);
        add(api, SimpleRSTDP.TYPE, "a_plus", 0.03, "a_minus", 0.03, "tau_c", 3.0, "init_c_mode", "normal(0, 0.1)");

        SynapseGroup conv = synapse(net, "conv", in, map, "Proximal", 0, 2.0);
        add(conv, WeightInitializer.TYPE, "mode", "rand", "scale", 2.0, "kernel_shape", List.of(2, 1, 3, 3));
        add(conv, Conv2dDendriticInput.TYPE);
        add(conv, Conv2dSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.01);
        add(conv, WeightClip.TYPE, "w_min", 0.0, "w_max", 2.0);

        SynapseGroup convR = synapse(net, "conv_r", in, map, "Distal", 0, 0);
        add(convR, WeightInitializer.TYPE, "mode", "rand", "kernel_shape", List.of(2, 1, 3, 3));
        add(convR, Conv2dDendriticInput.TYPE);
        add(convR, Conv2dRSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.01, "tau_c", 4.0);
        return net;
    }

    private static void lif(NeuronGroup g, double rest) {
        add(g, LIF.TYPE, "R", 1.0, "tau", 5.0, "threshold", -55.0, "v_reset", -70.0, "v_rest", rest, "init_v", rest);
    }

    /**
     * A synapse with the behaviors every learning synapse here needs: SynapseInit, random axonal
     * delays {@code 0 .. srcDelays-1} (none if 0), random dendritic delays below
     * {@code dstDelayScale} (none if 0), both spike catchers and both traces.
     */
    private static SynapseGroup synapse(Network net, String tag, NeuronGroup src, NeuronGroup dst, String kind,
                                        int srcDelays, double dstDelayScale) {
        SynapseGroup s = net.addSynapseGroup(tag, src, dst, kind);
        add(s, SynapseInit.TYPE);
        if (srcDelays > 0) {
            add(s, DelayInitializer.TYPE, "mode", "rand", "scale", (double) srcDelays);
        }
        if (dstDelayScale > 0) {
            s.addBehavior(4.5, DelayInitializer.TYPE.create(params("mode", "rand", "scale", dstDelayScale,
                    "destination", true)));
        }
        add(s, PreSpikeCatcher.TYPE);
        add(s, PostSpikeCatcher.TYPE);
        add(s, PreTrace.TYPE, "tau_s", 5.0);
        add(s, PostTrace.TYPE, "tau_s", 4.0);
        return s;
    }

    /** Two rows of constant drive, 8 to 17 (arbitrary units) depending on the neuron. */
    private static List<double[]> drive(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 8 + (i * 7) % 10;
            b[i] = 17 - (i * 3) % 10;
        }
        return rows(a, b);
    }

    private static List<double[]> rows(double[]... r) {
        return new ArrayList<>(List.of(r));
    }

    private static Behavior<?> add(NetworkObject owner, BehaviorType type, Object... kv) {
        return owner.addBehavior(type.create(params(kv)));
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
