package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.STRUCTURES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.Structure;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.conex.structures.io.Replication;
import org.conex.structures.io.StructureBuilder;
import org.conex.structures.io.StructureDocument;
import org.conex.structures.io.StructureJson;
import org.conex.structures.io.StructureSaver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save, load and replicate (core.md §4.10; issue 5 done-when): save -> load -> save gives the
 * same JSON text, and save -> load -> run gives bit-identical spikes and weights, for a column of
 * two layers and for a network of two connected columns; replicas are independent with fresh state.
 */
class RoundTripTest {
    static final int STEPS = 60;

    static Network columnNetwork() {
        Network net = Neocortex.create(1.0, 21L, BEHAVIORS);
        InputLayer in = Circuits.input(net);
        CorticalColumn col = Circuits.column(net, "col");
        Circuits.connect(net, "in_syn", in, "data_out", col, "input");
        return net;
    }

    static Network twoColumnNetwork() {
        Network net = Neocortex.create(1.0, 33L, BEHAVIORS);
        InputLayer in = Circuits.input(net);
        CorticalColumn c1 = Circuits.column(net, "col1");
        CorticalColumn c2 = Circuits.column(net, "col2");
        Circuits.connect(net, "in_syn", in, "data_out", c1, "input");
        Circuits.connect(net, "col1_to_col2", c1, "output", c2, "input");
        return net;
    }

    static Network reload(String json) {
        return StructureBuilder.buildNetwork(StructureJson.read(json), BEHAVIORS, STRUCTURES,
                StructureBuilder.Options.defaults().withBindings(Map.of("pattern", Circuits.pattern())));
    }

    /** Spikes of every neuron group at every step, then every synapse group's final weights. */
    static Map<String, List<double[]>> run(Network net) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        Simulation sim = new Simulation(net);
        for (int t = 0; t < STEPS; t++) {
            sim.step();
            for (NeuronGroup g : net.neuronGroups()) {
                out.computeIfAbsent(g.tag(), k -> new ArrayList<>()).add(Tensors.toDoubles(g.array("spikes")));
            }
        }
        for (SynapseGroup s : net.synapseGroups()) {
            out.put(s.tag() + "/weights", List.of(Tensors.toDoubles(s.array("weights"))));
        }
        return out;
    }

    static void assertSameRun(Map<String, List<double[]>> a, Map<String, List<double[]>> b) {
        assertEquals(a.keySet(), b.keySet());
        long spikes = 0;
        long cells = 0;
        for (String k : a.keySet()) {
            for (int t = 0; t < a.get(k).size(); t++) {
                assertArrayEquals(a.get(k).get(t), b.get(k).get(t), k + " at step " + (t + 1));
                if (!k.contains("/")) {
                    for (double s : a.get(k).get(t)) {
                        spikes += (long) s;
                        cells++;
                    }
                }
            }
        }
        // the comparison means something only if the circuit is neither silent nor saturated
        assertTrue(spikes > cells / 20 && spikes < cells * 9 / 10, "spike fraction " + spikes + "/" + cells);
    }

    private static void roundTrip(Network original) {
        String json = StructureJson.write(StructureSaver.saveNetwork(original));
        Network copy = reload(json);
        assertEquals(json, StructureJson.write(StructureSaver.saveNetwork(copy)), "save -> load -> save");
        assertEquals(tags(original), tags(copy));
        Map<String, List<double[]>> a = run(original);
        assertEquals(json, StructureJson.write(StructureSaver.saveNetwork(original)), "state is never saved");
        assertSameRun(a, run(copy));
    }

    /**
     * Every object with its tags: groups and synapse groups in creation order (it fixes summation
     * and schedule order), structures (which carry no per-step behaviors here) as a sorted list.
     */
    private static List<String> tags(Network net) {
        List<String> out = new ArrayList<>();
        List<String> structures = new ArrayList<>();
        for (NetworkObject o : net.structures()) {
            (o instanceof Structure ? structures : out).add(o + " " + o.tags());
        }
        structures.sort(null);
        out.addAll(structures);
        return out;
    }

    @Test
    void columnOfTwoLayersRoundTripsAndRunsBitIdentically() {
        roundTrip(columnNetwork());
    }

    @Test
    void twoConnectedColumnsRoundTripAndRunBitIdentically() {
        roundTrip(twoColumnNetwork());
    }

    @Test
    void aSavedColumnAloneLoadsIntoAnotherNetworkAndSavesIdentically(@TempDir Path dir) throws Exception {
        Network net = columnNetwork();
        CorticalColumn col = Neocortex.corticalColumns(net).get(0);
        Path file = dir.resolve("column.json");
        StructureJson.write(StructureSaver.save(col), file);
        StructureJson.write(StructureSaver.save(col), file); // replaced, not appended (BUG-17)
        StructureDocument doc = StructureJson.read(file);
        Network other = Neocortex.create(1.0, 21L, BEHAVIORS);
        CorticalColumn loaded = (CorticalColumn) StructureBuilder.build(other, doc, BEHAVIORS, STRUCTURES).get(0);
        assertEquals(Files.readString(file), StructureJson.write(StructureSaver.save(loaded)));
        assertEquals(List.of("L1", "L2"), List.copyOf(loaded.layers().keySet()));
        assertEquals(1, loaded.layerConnections().get(0).connection().synapses().size());
        // same tags and seed: the same initial weights are drawn
        new Simulation(net).initialize();
        new Simulation(other).initialize();
        for (String t : List.of("col.L1.exc_exc", "col.L1toL2.exc_pop=>exc_pop")) {
            assertArrayEquals(Tensors.toDoubles(net.synapseGroup(t).array("weights")),
                    Tensors.toDoubles(other.synapseGroup(t).array("weights")), t);
        }
    }

    @Test
    void replicatingAColumnBuildsIndependentCopiesWithFreshState() {
        Network net = columnNetwork();
        CorticalColumn col = Neocortex.corticalColumns(net).get(0);
        Simulation sim = new Simulation(net);
        sim.initialize();
        double[] w0 = Tensors.toDoubles(net.synapseGroup("col.L1toL2.exc_pop=>exc_pop").array("weights"));
        sim.simulate(20);
        double[] learned = Tensors.toDoubles(net.synapseGroup("col.L1toL2.exc_pop=>exc_pop").array("weights"));
        assertNotEquals(java.util.Arrays.toString(w0), java.util.Arrays.toString(learned));

        List<Structure> copies = Replication.replicate(col, 3, BEHAVIORS, STRUCTURES);
        assertEquals(List.of("col_1", "col_2", "col_3"), copies.stream().map(Structure::tag).toList());
        CorticalColumn c2 = (CorticalColumn) copies.get(1);
        assertEquals("col_2.L1", c2.layer("L1").tag());
        assertEquals("col_2.L1.exc", ((CorticalLayer) c2.layer("L1")).excitatory().tag());
        SynapseGroup plastic = ((CorticalLayerConnection) c2.layerConnections().get(0).connection()).synapses().get(0);
        assertEquals("col_2.L1toL2.exc_pop=>exc_pop", plastic.tag());
        assertEquals("col_2.L1.exc => col_2.L2.exc", plastic.tags().get(plastic.tags().size() - 1));

        // no object and no behavior instance is shared between the original and the copies
        Map<Object, Structure> seen = new IdentityHashMap<>();
        for (Structure s : List.of(col, copies.get(0), copies.get(1), copies.get(2))) {
            for (NetworkObject o : everything(s)) {
                assertEquals(null, seen.put(o, s), o + " shared");
                for (Behavior<?> b : o.behaviors().values()) {
                    assertEquals(null, seen.put(b, s), b + " shared");
                }
            }
        }
        // fresh state: uninitialised until the next step, then new weights (own streams), not the learned ones
        assertTrue(!plastic.has("weights"));
        sim.step();
        double[] copyW = Tensors.toDoubles(plastic.array("weights"));
        assertEquals(w0.length, copyW.length);
        assertNotEquals(java.util.Arrays.toString(w0), java.util.Arrays.toString(copyW));
        assertNotSame(plastic.array("weights"), net.synapseGroup("col.L1toL2.exc_pop=>exc_pop").array("weights"));
        assertTrue(((CorticalLayer) c2.layer("L2")).excitatory().has("v"));
    }

    private static List<NetworkObject> everything(Structure s) {
        List<NetworkObject> out = new ArrayList<>();
        out.add(s);
        for (NetworkObject o : s.subStructures()) {
            if (o instanceof Structure) {
                out.addAll(everything((Structure) o));
            } else {
                out.add(o);
            }
        }
        return out;
    }
}
