package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.STRUCTURES;
import static org.conex.structures.Kit.layerSynapse;
import static org.conex.structures.Kit.lifBehaviors;
import static org.conex.structures.Kit.map;
import static org.conex.structures.Kit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.InputBatch;
import org.conex.api.structure.Port;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.conex.structures.io.Replication;
import org.conex.structures.io.StructureBuilder;
import org.conex.structures.io.StructureDocument;
import org.conex.structures.io.StructureDocument.GroupNode;
import org.conex.structures.io.StructureDocument.Node;
import org.conex.structures.io.StructureDocument.PortSpec;
import org.conex.structures.io.StructureDocument.StructureNode;
import org.conex.structures.io.StructureSaver;
import org.conex.structures.io.TagMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network of the reference's {@code Example/test/mnist.py} (behaviors.md §9.1) built from
 * structures exactly as the script does (L4 built by hand, L2 rebuilt from L4's edited saved
 * description, L5 a replica of L2, the second layer connection a replica of the first, a column,
 * and a Synapsis from the input layer into the column's port), run for 100 steps with the
 * runtime's Simulation and checked against the closed forms of §9.5. Synthetic spike data
 * (16 samples x 30 steps of 28x28, seeded) replaces MNIST.
 *
 * <p>Tolerances: voltages and currents are float32 sums of up to 2304 terms followed by 100 Euler
 * steps, compared with double-precision closed forms: relative 2e-5 (float32 epsilon 6e-8 times
 * ~300 roundings). Accumulated weights: absolute 1e-4 (spec §9.5: 100 float32 additions at
 * magnitude ~8, ulp 9.5e-7).
 */
class MnistNetworkTest {
    static final double T100_DELTA = 0.072 * 100 - 0.648 * (1 - Math.pow(0.9, 100));

    static Network net;
    static InputLayer input;
    static CorticalLayer l4;
    static CorticalLayer l2;
    static CorticalLayer l5;
    static CorticalColumn column;
    static Synapsis synapsis;
    static final Map<String, double[]> at0 = new LinkedHashMap<>();
    static final Map<String, double[]> at99 = new LinkedHashMap<>();
    static final Map<String, double[]> at100 = new LinkedHashMap<>();
    static final Map<String, double[]> v1 = new LinkedHashMap<>();
    static double[] frame99;

    static CorticalLayer buildL4(Network n) {
        NeuronGroup exc = n.addNeuronGroup("L4.exc", new NeuronShape(4, 24, 24));
        NeuronGroup inh = n.addNeuronGroup("L4.inh", 576);
        inh.addTag("inh");
        BehaviorMap.of(lifBehaviors(), BEHAVIORS, "exc").attachTo(exc, BEHAVIORS);
        BehaviorMap.of(lifBehaviors(), BEHAVIORS, "inh").attachTo(inh, BEHAVIORS);
        List<SynapseGroup> sgs = new ArrayList<>();
        for (NeuronGroup s : List.of(exc, inh)) {
            for (NeuronGroup d : List.of(exc, inh)) {
                String name = s.tag().substring(3) + "_" + d.tag().substring(3);
                SynapseGroup sg = n.addSynapseGroup("L4." + name, s, d, s == inh ? "Proximal,inh" : "Proximal");
                BehaviorMap.of(layerSynapse(), BEHAVIORS, name).attachTo(sg, BEHAVIORS);
                sgs.add(sg);
            }
        }
        CorticalLayer layer = new CorticalLayer(n, "L4", exc, inh, sgs);
        layer.setInputPort("input", List.of(Port.of(exc)));
        return layer;
    }

    /** L4's saved description with the geometry dropped, sizes 400/100 and an output port (mnist.py). */
    static StructureDocument asLayer2(StructureDocument l4doc) {
        StructureNode n = (StructureNode) l4doc.members().get(0);
        List<Node> members = new ArrayList<>();
        for (Node m : n.members()) {
            if (m instanceof GroupNode) {
                GroupNode g = (GroupNode) m;
                m = new GroupNode(g.tag(), g.tags(), g.tag().endsWith("exc") ? 400 : 100, null, g.behaviors());
            }
            members.add(m);
        }
        Map<String, List<PortSpec>> out = Map.of("output", List.of(new PortSpec("L4.exc", null, List.of())));
        return new StructureDocument(null, List.of(new StructureNode(n.type(), n.tag(), n.tags(), n.params(),
                n.behaviors(), members, n.refs(), n.inputPorts(), out)));
    }

    static List<LayerConnection> stdpConnection() {
        return List.of(new LayerConnection(CorticalLayer.EXC, CorticalLayer.EXC, List.of(spec("SynapseInit"),
                spec("WeightInitializer", "mode", "random"), spec("SimpleDendriticInput", "current_coef", 1.0),
                spec("SimpleSTDP", "a_plus", 0.01, "a_minus", 0.002), spec("PreSpikeCatcher"),
                spec("PostSpikeCatcher"), spec("PreTrace", "tau_s", 10.0), spec("PostTrace", "tau_s", 10.0)),
                "Proximal"));
    }

    static List<org.conex.api.structure.BehaviorSpec> convBehaviors() {
        return List.of(spec("SynapseInit"), spec("WeightInitializer", "mode", "random", "weight_shape",
                        List.of(4, 1, 5, 5), "kernel_shape", List.of(4, 1, 5, 5)),
                spec("Conv2dDendriticInput", "current_coef", 1.0), spec("Conv2dSTDP", "a_plus", 0.01,
                        "a_minus", 0.002), spec("PreSpikeCatcher"), spec("PostSpikeCatcher"),
                spec("PreTrace", "tau_s", 10.0), spec("PostTrace", "tau_s", 10.0));
    }

    /** 16 samples x 30 steps x 28 x 28 spikes (p = 0.15, seeded) with labels 0..15 mod 10. */
    static InputBatch data(Network n) {
        Random r = new Random(1234);
        boolean[] bits = new boolean[16 * 30 * 784];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = r.nextDouble() < 0.15;
        }
        double[] labels = new double[16];
        for (int k = 0; k < 16; k++) {
            labels[k] = k % 10;
        }
        return InputBatch.of(Tensors.bools(bits, 16, 30, 28, 28), Tensors.of(n.dtype(), labels, 16));
    }

    @BeforeAll
    static void buildAndRun() {
        net = Neocortex.create(1.0, 7L, BEHAVIORS);
        input = new InputLayer(net, "input", map("sensory_size", List.of(1, 28, 28), "instance_duration", 30),
                BEHAVIORS);
        input.setOutputPort("data_out", List.of(Port.of(input.sensoryPopulation())));
        InputBatch batch = data(net);
        input.setData(List.of(batch));
        l4 = buildL4(net);
        StructureDocument l2doc = asLayer2(StructureSaver.save(l4));
        l2 = (CorticalLayer) StructureBuilder.build(net, l2doc, BEHAVIORS, STRUCTURES,
                StructureBuilder.Options.defaults().withTags(TagMapping.reroot("L4", "L2"))).get(0);
        l5 = (CorticalLayer) Replication.replicate(l2, "L5", BEHAVIORS, STRUCTURES);
        CorticalLayerConnection c42 = new CorticalLayerConnection(net, "L4toL2", stdpConnection(), BEHAVIORS);
        CorticalLayerConnection c25 = (CorticalLayerConnection) Replication.replicate(c42, "L2toL5", BEHAVIORS,
                STRUCTURES);
        c25.connectSrc(l2);
        c25.connectDst(l5);
        Map<String, CorticalLayer> layers = new LinkedHashMap<>();
        layers.put("l4", l4);
        layers.put("l2", l2);
        layers.put("l5", l5);
        column = new CorticalColumn(net, "column", layers, List.of(new CorticalColumn.LayerLink("l4", "l2", c42),
                new CorticalColumn.LayerLink("l2", "l5", c25)));
        column.setInputPort("input", List.of(Port.of(l4, "input")));
        synapsis = new Synapsis(net, "input_to_column", input, "data_out", column, "input", convBehaviors(),
                "Proximal", BEHAVIORS);

        Simulation sim = new Simulation(net);
        sim.initialize();
        snapshot(at0);
        sim.step();
        for (CorticalLayer l : List.of(l4, l2, l5)) {
            v1.put(l.tag() + ".exc", Tensors.toDoubles(l.excitatory().array("v")));
            v1.put(l.tag() + ".inh", Tensors.toDoubles(l.inhibitory().array("v")));
        }
        sim.simulate(98);
        snapshot(at99);
        double[] all = Tensors.toDoubles(batch.sensory());
        frame99 = java.util.Arrays.copyOfRange(all, 99 * 784, 100 * 784);
        sim.step();
        snapshot(at100);
    }

    static void snapshot(Map<String, double[]> into) {
        for (SynapseGroup s : net.synapseGroups()) {
            into.put(s.tag(), Tensors.toDoubles(s.array("weights")));
            for (String v : new String[] {"pre_trace", "post_trace", "pre_spike", "I"}) {
                if (s.has(v)) {
                    into.put(s.tag() + "/" + v, Tensors.toDoubles(s.array(v)));
                }
            }
        }
        for (NeuronGroup g : net.neuronGroups()) {
            for (String v : new String[] {"v", "I", "spikes"}) {
                if (g.has(v)) {
                    into.put(g.tag() + "/" + v, Tensors.toDoubles(g.array(v)));
                }
            }
        }
    }

    /** Column sums of an S x D matrix given in C order. */
    static double[] colSums(double[] w, int s, int d) {
        double[] out = new double[d];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < d; j++) {
                out[j] += w[i * d + j];
            }
        }
        return out;
    }

    static void assertClose(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", found " + actual);
    }

    @Test
    void theScriptsStructureIsBuilt() {
        assertEquals(7, net.neuronGroups().size());
        assertEquals(15, net.synapseGroups().size());
        assertEquals(4664, net.neuronGroups().stream().mapToInt(NeuronGroup::size).sum());
        assertEquals(List.of("input.Sensory=>L4.exc"), List.of(synapsis.synapses().get(0).tag().substring(16)));
        assertEquals(List.of(400, 100, 400, 100), List.of(l2.excitatory().size(), l2.inhibitory().size(),
                l5.excitatory().size(), l5.inhibitory().size()));
        assertEquals(List.of("L5.exc", "L5.inh"), List.of(l5.excitatory().tag(), l5.inhibitory().tag()));
        assertEquals(2304 * 400, at0.get("L4toL2.exc_pop=>exc_pop").length);
        assertEquals(List.of(1.0, 2.0, 3.0, 180.0, 220.0, 240.0, 260.0, 320.0, 340.0, 380.0, 420.0, 440.0, 460.0,
                480.0, 500.0), net.schedule().stream().map(e -> e.priority()).distinct().toList());
    }

    @Test
    void everyLifGroupSpikesOnEveryStepAndStartsAtZero() {
        // §9.5.1 and §9.5.2: v = 0 >= threshold 0 at init and no Fire; all currents 0 at iteration 1
        for (NeuronGroup g : net.neuronGroups()) {
            if (g == input.sensoryPopulation()) {
                continue;
            }
            for (double s : at100.get(g.tag() + "/spikes")) {
                assertEquals(1.0, s, g.tag());
            }
            for (double v : v1.get(g.tag())) {
                assertEquals(0.0, v, g.tag() + " at iteration 1");
            }
            for (double v : at100.get(g.tag() + "/v")) {
                assertTrue(Double.isFinite(v), g.tag());
            }
        }
        double[] sensory = at100.get("input.Sensory/spikes");
        assertEquals(java.util.Arrays.toString(frame99), java.util.Arrays.toString(sensory));
    }

    @Test
    void inhibitoryGroupsFollowTheClosedForm() {
        // §9.5.4: v_t = 5 I (1 - 0.9^(t-1)), I = cs(W exc->inh) - cs(W inh->inh)
        for (CorticalLayer l : List.of(l4, l2, l5)) {
            int e = l.excitatory().size();
            int i = l.inhibitory().size();
            double[] plus = colSums(at0.get(l.tag() + ".exc_inh"), e, i);
            double[] minus = colSums(at0.get(l.tag() + ".inh_inh"), i, i);
            double[] v = at100.get(l.tag() + ".inh/v");
            for (int j = 0; j < i; j++) {
                double current = plus[j] - minus[j];
                assertClose(5 * current * (1 - Math.pow(0.9, 99)), v[j], 2e-5, l.tag() + ".inh v[" + j + "]");
            }
        }
    }

    @Test
    void interLayerWeightsGrowUniformlyByTheClosedFormDelta() {
        // §9.5.5: W(100) = W0 + 0.072*100 - 0.648*(1 - 0.9^100) = W0 + 6.5520172
        assertEquals(6.5520172, T100_DELTA, 1e-7);
        for (String tag : List.of("L4toL2.exc_pop=>exc_pop", "L2toL5.exc_pop=>exc_pop")) {
            double[] w0 = at0.get(tag);
            double[] w = at100.get(tag);
            double worst = 0;
            for (int k = 0; k < w.length; k++) {
                worst = Math.max(worst, Math.abs(w[k] - w0[k] - T100_DELTA));
            }
            assertTrue(worst <= 1e-4, tag + ": largest deviation from W0 + 6.5520172 is " + worst);
            double trace = 9 * (1 - Math.pow(0.9, 100));
            for (String v : List.of("/pre_trace", "/post_trace")) {
                for (double x : at100.get(tag + v)) {
                    assertClose(trace, x, 1e-6, tag + v);
                }
            }
        }
    }

    @Test
    void excitatoryCurrentsAndVoltagesFollowTheirInputs() {
        // §9.5.6: I_t(L2 exc) = cs(W_L4->L2(t-1)) + cs(W_ee) - cs(W_ie); then v_t = 0.9 v_(t-1) + 0.5 I_t
        check(l2, "L4toL2.exc_pop=>exc_pop", 2304);
        check(l5, "L2toL5.exc_pop=>exc_pop", 400);
    }

    private static void check(CorticalLayer l, String feed, int sources) {
        int n = l.excitatory().size();
        int i = l.inhibitory().size();
        double[] in = colSums(at99.get(feed), sources, n);
        double[] ee = colSums(at0.get(l.tag() + ".exc_exc"), n, n);
        double[] ie = colSums(at0.get(l.tag() + ".inh_exc"), i, n);
        double[] current = at100.get(l.tag() + ".exc/I");
        double[] v99 = at99.get(l.tag() + ".exc/v");
        double[] v = at100.get(l.tag() + ".exc/v");
        for (int j = 0; j < n; j++) {
            assertClose(in[j] + ee[j] - ie[j], current[j], 2e-5, l.tag() + ".exc I[" + j + "]");
            assertClose(0.9 * v99[j] + 0.5 * current[j], v[j], 2e-5, l.tag() + ".exc v[" + j + "]");
        }
    }

    @Test
    void layer4CurrentIsTheConvolutionOfThePreviousFramePlusItsOwnSynapses() {
        // §9.5.6: I_t(L4 exc) = conv(x_(t-1); K(t-1)) + cs(W_ee) - cs(W_ie)
        String conv = synapsis.synapses().get(0).tag();
        double[] k = at99.get(conv);
        double[] x = at99.get(conv + "/pre_spike");
        double[] ee = colSums(at0.get("L4.exc_exc"), 2304, 2304);
        double[] ie = colSums(at0.get("L4.inh_exc"), 576, 2304);
        double[] current = at100.get("L4.exc/I");
        for (int o = 0; o < 4; o++) {
            for (int y = 0; y < 24; y++) {
                for (int xx = 0; xx < 24; xx++) {
                    double c = 0;
                    for (int a = 0; a < 5; a++) {
                        for (int b = 0; b < 5; b++) {
                            c += x[(y + a) * 28 + xx + b] * k[o * 25 + a * 5 + b];
                        }
                    }
                    int j = o * 576 + y * 24 + xx;
                    assertClose(c + ee[j] - ie[j], current[j], 2e-5, "L4.exc I[" + j + "]");
                }
            }
        }
    }

    @Test
    void convolutionLearningIsIdenticalForEveryOutputChannel() {
        // §9.5.7: dK_t[o,0,i,j] = (0.01 sum_p X_t[p+(i,j)] - 0.002*9(1-0.9^t) sum_p x_t[p+(i,j)]) / 576
        String conv = synapsis.synapses().get(0).tag();
        double[] k0 = at0.get(conv);
        double[] k99 = at99.get(conv);
        double[] k = at100.get(conv);
        double[] trace = at100.get(conv + "/pre_trace");
        double[] spikes = at100.get(conv + "/pre_spike");
        double post = 9 * (1 - Math.pow(0.9, 100));
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double sx = 0;
                double ss = 0;
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 24; x++) {
                        sx += trace[(y + a) * 28 + x + b];
                        ss += spikes[(y + a) * 28 + x + b];
                    }
                }
                double dk = (0.01 * sx - 0.002 * post * ss) / 576;
                for (int o = 0; o < 4; o++) {
                    int q = o * 25 + a * 5 + b;
                    assertEquals(dk, k[q] - k99[q], 1e-6, "dK[" + o + "," + a + "," + b + "]");
                    assertEquals(k[q % 25] - k0[q % 25], k[q] - k0[q], 2e-5, "K(100)-K0 channel " + o);
                }
            }
        }
    }
}
