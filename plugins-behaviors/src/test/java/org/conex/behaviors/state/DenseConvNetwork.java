package org.conex.behaviors.state;

import static org.conex.behaviors.state.StatefulNetwork.params;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.behaviors.dendrites.Conv2dDendriticInput;
import org.conex.behaviors.drivers.InputSequence;
import org.conex.behaviors.network.TimeResolution;
import org.conex.behaviors.neurons.Fire;
import org.conex.behaviors.neurons.LIF;
import org.conex.behaviors.neurons.NeuronAxon;
import org.conex.behaviors.neurons.SimpleDendriteComputation;
import org.conex.behaviors.neurons.SimpleDendriteStructure;
import org.conex.behaviors.spatial.Conv2dSTDP;
import org.conex.behaviors.spatial.KernelPath;
import org.conex.behaviors.synapses.PostSpikeCatcher;
import org.conex.behaviors.synapses.PostTrace;
import org.conex.behaviors.synapses.PreSpikeCatcher;
import org.conex.behaviors.synapses.PreTrace;
import org.conex.behaviors.synapses.SynapseInit;
import org.conex.behaviors.synapses.WeightInitializer;

/**
 * A convolution large and busy enough for the GEMM path and for a multi-threaded BLAS: input
 * {@code in} 4x32x32 with about half of the neurons spiking each step (three fixed patterns), 16
 * kernels 3x3 with padding 1 onto {@code map} 16x32x32 (LIF with a low threshold, so it spikes), and
 * Conv2dSTDP whose sums are forced onto the GEMM path ({@link #forceGemm}, after
 * initialization). Each GEMM has 16 x 1024 x 36 multiply-adds,
 * above OpenBLAS's single-thread threshold. Conv2dDendriticInput stays on AUTO, which picks GEMM at
 * this density ({@link org.conex.behaviors.spatial.KernelCost}).
 */
final class DenseConvNetwork {
    private DenseConvNetwork() {
    }

    static Network build(long seed) {
        Network net = new Network("net", DType.FLOAT32, SynapseMode.SxD, seed);
        net.addBehavior(TimeResolution.TYPE.create(params("dt", 1.0)));
        NeuronGroup in = net.addNeuronGroup("in", new NeuronShape(4, 32, 32));
        in.addBehavior(340, InputSequence.TYPE.create(params("variable", "spikes", "dtype", "bool",
                "values", patterns(in.size(), 3, 0.5))));
        in.addBehavior(NeuronAxon.TYPE.create(params()));

        NeuronGroup map = net.addNeuronGroup("map", new NeuronShape(16, 32, 32));
        map.addBehavior(SimpleDendriteStructure.TYPE.create(params()));
        map.addBehavior(SimpleDendriteComputation.TYPE.create(params()));
        map.addBehavior(LIF.TYPE.create(params("R", 1.0, "tau", 2.0, "threshold", -63.0, "v_reset", -65.0,
                "v_rest", -65.0, "init_v", -65.0)));
        map.addBehavior(Fire.TYPE.create(params()));
        map.addBehavior(NeuronAxon.TYPE.create(params()));

        SynapseGroup conv = net.addSynapseGroup("conv", in, map, "Proximal");
        conv.addBehavior(SynapseInit.TYPE.create(params()));
        conv.addBehavior(WeightInitializer.TYPE.create(params("mode", "rand", "scale", 0.5,
                "kernel_shape", List.of(16, 4, 3, 3))));
        conv.addBehavior(Conv2dDendriticInput.TYPE.create(params("padding", 1)));
        conv.addBehavior(PreSpikeCatcher.TYPE.create(params()));
        conv.addBehavior(PostSpikeCatcher.TYPE.create(params()));
        conv.addBehavior(PreTrace.TYPE.create(params("tau_s", 4.0)));
        conv.addBehavior(PostTrace.TYPE.create(params("tau_s", 4.0)));
        conv.addBehavior(Conv2dSTDP.TYPE.create(params("a_plus", 0.01, "a_minus", 0.01)));
        return net;
    }

    /** {@code k} fixed random 0/1 rows of length n with the given density. */
    private static List<double[]> patterns(int n, int k, double density) {
        SplittableRandom r = new SplittableRandom(99);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = r.nextDouble() < density ? 1 : 0;
            }
            rows.add(row);
        }
        return rows;
    }

    /** Forces the STDP sums of the built network onto the GEMM path (after initialization). */
    static void forceGemm(Network net) {
        ((Conv2dSTDP) net.synapseGroup("conv").behavior("Conv2dSTDP")).sums().path(KernelPath.GEMM);
    }
}
