package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.map;
import static org.conex.structures.Kit.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.InputBatch;
import org.conex.api.structure.Port;
import org.conex.api.tensor.Tensors;

/**
 * Small spiking circuits built from structures for the round-trip tests: an input layer fed by a
 * seeded 4x4 spike pattern, columns of two cortical layers (LIF with Fire, random weights, STDP
 * between the layers) and Synapsis connections between their ports.
 */
final class Circuits {
    private Circuits() {
    }

    static List<BehaviorSpec> neuron() {
        return List.of(spec("SimpleDendriteStructure"), spec("SimpleDendriteComputation"),
                spec("LIF", "R", 2.0, "tau", 5.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0),
                spec("Fire"), spec("NeuronAxon"));
    }

    static List<BehaviorSpec> synapse(double scale) {
        return List.of(spec("SynapseInit"), spec("WeightInitializer", "mode", "random", "scale", scale),
                spec("SimpleDendriticInput"), spec("PreSpikeCatcher"));
    }

    static List<BehaviorSpec> plastic() {
        return List.of(spec("SynapseInit"), spec("WeightInitializer", "mode", "random"),
                spec("SimpleDendriticInput"), spec("SimpleSTDP", "a_plus", 0.01, "a_minus", 0.004,
                        "positive_bound", "soft_bound", "negative_bound", "soft_bound"),
                spec("PreSpikeCatcher"), spec("PostSpikeCatcher"), spec("PreTrace", "tau_s", 4.0),
                spec("PostTrace", "tau_s", 4.0));
    }

    static NeuronGroup group(Network net, String tag, int size, String... tags) {
        NeuronGroup g = net.addNeuronGroup(tag, size);
        for (String t : tags) {
            g.addTag(t);
        }
        BehaviorMap.of(neuron(), BEHAVIORS, tag).attachTo(g, BEHAVIORS);
        return g;
    }

    /** A cortical layer "tag" with 12 excitatory and 4 inhibitory neurons and ports input/output -> exc. */
    static CorticalLayer layer(Network net, String tag) {
        NeuronGroup exc = group(net, tag + ".exc", 12);
        NeuronGroup inh = group(net, tag + ".inh", 4, "inh");
        List<SynapseGroup> sgs = new ArrayList<>();
        for (NeuronGroup s : List.of(exc, inh)) {
            for (NeuronGroup d : List.of(exc, inh)) {
                SynapseGroup sg = net.addSynapseGroup(tag + "." + s.tag().substring(tag.length() + 1) + "_"
                        + d.tag().substring(tag.length() + 1), s, d, "Proximal");
                BehaviorMap.of(synapse(s == inh ? 0.6 : 0.3), BEHAVIORS, sg.tag()).attachTo(sg, BEHAVIORS);
                sgs.add(sg);
            }
        }
        CorticalLayer l = new CorticalLayer(net, tag, exc, inh, sgs);
        l.setInputPort("input", List.of(Port.of(exc)));
        l.setOutputPort("output", List.of(Port.of(exc)));
        return l;
    }

    /** A column "tag" of layers tag.L1 -> tag.L2 (STDP) with ports input -> L1, output -> L2. */
    static CorticalColumn column(Network net, String tag) {
        CorticalLayer l1 = layer(net, tag + ".L1");
        CorticalLayer l2 = layer(net, tag + ".L2");
        CorticalLayerConnection c = new CorticalLayerConnection(net, tag + ".L1toL2", List.of(new LayerConnection(
                CorticalLayer.EXC, CorticalLayer.EXC, plastic(), "Proximal")), BEHAVIORS);
        Map<String, CorticalLayer> layers = new LinkedHashMap<>();
        layers.put("L1", l1);
        layers.put("L2", l2);
        CorticalColumn col = new CorticalColumn(net, tag, layers, List.of(new CorticalColumn.LayerLink("L1", "L2",
                c)));
        col.setInputPort("input", List.of(Port.of(l1, "input")));
        col.setOutputPort("output", List.of(Port.of(l2, "output")));
        return col;
    }

    /** 4 samples of 5 steps of 4x4 spikes (p = 0.35, seeded), labels 0..3. */
    static List<InputBatch> pattern() {
        Random r = new Random(99);
        boolean[] bits = new boolean[4 * 5 * 16];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = r.nextDouble() < 0.35;
        }
        return List.of(InputBatch.of(Tensors.bools(bits, 4, 5, 4, 4),
                Tensors.of(org.conex.api.tensor.DType.FLOAT32, new double[] {0, 1, 2, 3}, 4)));
    }

    /** An input layer "input" (16 neurons, data binding "pattern", port data_out). */
    static InputLayer input(Network net) {
        InputLayer in = new InputLayer(net, "input", map("sensory_size", List.of(4, 4), "instance_duration", 5,
                "data", "pattern"), BEHAVIORS);
        in.setOutputPort("data_out", List.of(Port.of(in.sensoryPopulation())));
        in.setData(pattern());
        return in;
    }

    /** A Synapsis "tag" from src's port to dst's port with strong random weights. */
    static Synapsis connect(Network net, String tag, org.conex.api.model.NetworkObject src, String out,
                            org.conex.api.model.NetworkObject dst, String in) {
        return new Synapsis(net, tag, src, out, dst, in, synapse(1.5), "Proximal", BEHAVIORS);
    }
}
