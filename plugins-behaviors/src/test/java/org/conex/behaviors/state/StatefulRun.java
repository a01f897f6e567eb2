package org.conex.behaviors.state;

import java.util.ArrayList;
import java.util.List;
import org.conex.api.model.Network;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.SparseWeights;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An initialised {@link StatefulNetwork} stepped through the real scheduler, keeping for every
 * step an exact text of the spikes of every group and the weights of every synapse.
 */
final class StatefulRun {
    final Network net;
    final Simulation sim;
    /** One {@link #observe} text per step run through {@link #steps}. */
    final List<String> steps = new ArrayList<>();

    StatefulRun(DType dtype, long seed) {
        net = StatefulNetwork.build(dtype, seed);
        sim = new Simulation(net);
        sim.initialize();
    }

    /** Runs {@code n} steps, observing each. */
    StatefulRun steps(int n) {
        for (int i = 0; i < n; i++) {
            sim.step();
            steps.add(observe(net));
        }
        return this;
    }

    /** Spikes of every group and weights of every synapse now, exactly. */
    static String observe(Network net) {
        StringBuilder sb = new StringBuilder("t=" + net.iteration());
        for (String g : StatefulNetwork.GROUPS) {
            sb.append(' ').append(g).append(".spikes=").append(StateDigest.bits(net.neuronGroup(g).array("spikes")));
        }
        for (String s : StatefulNetwork.SYNAPSES) {
            Object w = net.synapseGroup(s).get("weights");
            INDArray values = w instanceof SparseWeights ? ((SparseWeights) w).values() : (INDArray) w;
            sb.append(' ').append(s).append(".weights=").append(StateDigest.bits(values));
        }
        return sb.toString();
    }
}
