package org.conex.bench;

import java.util.List;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;

/**
 * The connection patterns of the scaling table. Each builds the cortical workload's network
 * (Poisson input, LIF layer with SimpleDendriteStructure/Computation, Fire, NeuronAxon; catchers,
 * traces, STDP and WeightClip(0, 1) on the synapse) around one connection type, with the current
 * scaled so that the mean drive is the same {@value CortexWorkload#DRIVE} mV whatever the fan-in:
 * <ul>
 *   <li>DENSE: N/4 inputs all-to-all, SimpleDendriticInput + SimpleSTDP;</li>
 *   <li>SPARSE_10, SPARSE_1, SPARSE_01: N/4 inputs, WeightInitializer(density, true_sparsity),
 *       SparseDendriticInput + SparseSTDP;</li>
 *   <li>ONE_TO_ONE: N inputs, One2OneDendriticInput + One2OneSTDP, weights [N];</li>
 *   <li>CONV: a 1 x s x s input image, 4 output maps of (s-4) x (s-4) (about N neurons), 5 x 5
 *       shared kernels, Conv2dDendriticInput + Conv2dSTDP.</li>
 * </ul>
 */
enum Connectivity {
    DENSE("dense", 1.0),
    SPARSE_10("10%", 0.1),
    SPARSE_1("1%", 0.01),
    SPARSE_01("0.1%", 0.001),
    ONE_TO_ONE("one-to-one", 0),
    CONV("conv 5x5", 0);

    private final String label;
    private final double density;

    Connectivity(String label, double density) {
        this.label = label;
        this.density = density;
    }

    String label() {
        return label;
    }

    /** Source group size for a layer of about n LIF neurons. */
    int sources(int n) {
        switch (this) {
            case ONE_TO_ONE: return n;
            case CONV: return side(n) * side(n);
            default: return n / 4;
        }
    }

    /** Stored connections (synapses) between the groups. */
    long synapses(int n) {
        switch (this) {
            case ONE_TO_ONE: return n;
            case CONV: return (long) targets(n) * 25;
            case DENSE: return (long) sources(n) * n;
            default: return (long) Math.floor((double) sources(n) * n * density);
        }
    }

    /** LIF neurons of the layer (exactly n except for CONV). */
    int targets(int n) {
        return this == CONV ? 4 * (side(n) - 4) * (side(n) - 4) : n;
    }

    private static int side(int n) {
        return (int) Math.round(Math.sqrt(n / 4.0)) + 4;
    }

    /** Number of inputs a LIF neuron receives. */
    private double fanIn(int n) {
        switch (this) {
            case ONE_TO_ONE: return 1;
            case CONV: return 25;
            case DENSE: return sources(n);
            default: return sources(n) * density;
        }
    }

    /** The network for a layer of about {@code n} LIF neurons. */
    Network build(BehaviorLookup b, int n, long seed) {
        return assemble(b, sources(n), n, density, fanIn(n), seed);
    }

    /**
     * A sparse network of {@code nSrc} Poisson inputs and {@code nDst} LIF neurons at
     * {@code density} (the 10^7-synapse demonstration).
     */
    static Network sparse(BehaviorLookup b, int nSrc, int nDst, double density, long seed) {
        return SPARSE_1.assemble(b, nSrc, nDst, density, nSrc * density, seed);
    }

    private Network assemble(BehaviorLookup b, int nSrc, int n, double dens, double fanIn, long seed) {
        Network net = new Network("scaling", DType.FLOAT32, SynapseMode.SxD, seed);
        Models.add(b, net, "TimeResolution", "dt", 1.0);
        NeuronGroup input = this == CONV ? net.addNeuronGroup("input", new NeuronShape(1, side(n), side(n)))
                : net.addNeuronGroup("input", nSrc);
        Models.add(b, input, "PoissonInput", "ratio", CortexWorkload.RATIO);
        Models.add(b, input, "NeuronAxon", "max_delay", 1);
        NeuronGroup exc = this == CONV ? net.addNeuronGroup("exc", new NeuronShape(4, side(n) - 4, side(n) - 4))
                : net.addNeuronGroup("exc", n);
        Models.add(b, exc, "SimpleDendriteStructure");
        Models.add(b, exc, "SimpleDendriteComputation");
        Models.add(b, exc, "LIF", "R", 1.0, "tau", 10.0, "threshold", -55.0, "v_reset", -70.0, "v_rest", -65.0,
                "init_v", -65.0);
        Models.add(b, exc, "Fire");
        Models.add(b, exc, "NeuronAxon", "max_delay", 1);
        Models.add(b, exc, "SpikeCounter");
        SynapseGroup s = net.addSynapseGroup("syn", input, exc, "Proximal");
        Models.add(b, s, "SynapseInit");
        // mean input spikes per step and neuron: fanIn * RATIO / 2; mean weight 1/2
        double coef = CortexWorkload.DRIVE / (fanIn * CortexWorkload.RATIO / 4);
        switch (this) {
            case DENSE:
                Models.add(b, s, "WeightInitializer", "mode", "random");
                Models.add(b, s, "SimpleDendriticInput", "current_coef", coef);
                break;
            case ONE_TO_ONE:
                Models.add(b, s, "WeightInitializer", "mode", "random", "weight_shape", List.of(n));
                Models.add(b, s, "One2OneDendriticInput", "current_coef", coef);
                break;
            case CONV:
                Models.add(b, s, "WeightInitializer", "mode", "random", "kernel_shape", List.of(4, 1, 5, 5));
                Models.add(b, s, "Conv2dDendriticInput", "current_coef", coef);
                break;
            default:
                Models.add(b, s, "WeightInitializer", "mode", "random", "density", dens, "true_sparsity", true);
                Models.add(b, s, "SparseDendriticInput", "current_coef", coef);
        }
        Models.add(b, s, "PreSpikeCatcher");
        Models.add(b, s, "PostSpikeCatcher");
        Models.add(b, s, "PreTrace", "tau_s", CortexWorkload.TAU_TRACE);
        Models.add(b, s, "PostTrace", "tau_s", CortexWorkload.TAU_TRACE);
        String rule = this == DENSE ? "SimpleSTDP" : this == ONE_TO_ONE ? "One2OneSTDP" : this == CONV ? "Conv2dSTDP"
                : "SparseSTDP";
        Models.add(b, s, rule, "a_plus", CortexWorkload.A_PLUS, "a_minus", CortexWorkload.A_MINUS);
        Models.add(b, s, "WeightClip", "w_min", 0.0, "w_max", 1.0);
        return net;
    }
}
