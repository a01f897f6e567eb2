package org.conex.structures;

import org.conex.api.structure.StructureRegistry;
import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.layerSynapse;
import static org.conex.structures.Kit.lifGroup;
import static org.conex.structures.Kit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.ModelException;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.Structure;
import org.junit.jupiter.api.Test;

/** CorticalLayer, CorticalLayerConnection and CorticalColumn (core.md §4.4-4.7; spec tests 23, 25, 27). */
class CorticalStructuresTest {

    static CorticalLayer layer(Network net, String tag, int exc, int inh) {
        NeuronGroup e = lifGroup(net, tag + ".exc", exc);
        NeuronGroup i = lifGroup(net, tag + ".inh", inh, "inh");
        List<SynapseGroup> sgs = new java.util.ArrayList<>();
        for (NeuronGroup s : List.of(e, i)) {
            for (NeuronGroup d : List.of(e, i)) {
                SynapseGroup sg = net.addSynapseGroup(tag + "." + s.tag().substring(tag.length() + 1) + "_"
                        + d.tag().substring(tag.length() + 1), s, d, "Proximal");
                BehaviorMap.of(layerSynapse(), BEHAVIORS, sg.tag()).attachTo(sg, BEHAVIORS);
                sgs.add(sg);
            }
        }
        return new CorticalLayer(net, tag, e, i, sgs);
    }

    static List<LayerConnection> excToExc() {
        return List.of(new LayerConnection(CorticalLayer.EXC, CorticalLayer.EXC, List.of(spec("SynapseInit"),
                spec("WeightInitializer", "mode", "random"), spec("SimpleDendriticInput"),
                spec("SimpleSTDP", "a_plus", 0.01, "a_minus", 0.002), spec("PreSpikeCatcher"),
                spec("PostSpikeCatcher"), spec("PreTrace", "tau_s", 10.0), spec("PostTrace", "tau_s", 10.0)),
                "Proximal"));
    }

    @Test
    void corticalLayerGroupsPopulationsUnderRoles() {
        Network net = new Network();
        CorticalLayer l4 = layer(net, "L4", 4, 2);
        assertEquals(List.of("L4", "CorticalLayer"), l4.tags());
        assertEquals("L4.exc", l4.excitatory().tag());
        assertEquals("L4.inh", l4.inhibitory().tag());
        assertSame(l4.excitatory(), l4.ref("exc_pop"));
        assertEquals(2, l4.neuronGroups().size());
        assertEquals(4, l4.synapseGroups().size());
        assertEquals(6, l4.members().size());
        assertSame(l4, Structure.parentOf(l4.excitatory()));
        assertEquals(List.of(l4), net.find("CorticalLayer"));
        assertSame(l4, net.object("L4"));
        CorticalLayer unnamed = new CorticalLayer(net, null, net.addNeuronGroup("x", 2), null, null);
        assertEquals("CorticalLayer_" + (net.structures().size()), unnamed.tag());
        assertNull(unnamed.inhibitory());
    }

    @Test
    void aMemberBelongsToOneStructureAndContainmentCannotLoop() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 2);
        Container a = new Container(net, "a", List.of(g));
        ModelException e = assertThrows(ModelException.class, () -> new Container(net, "b", List.of(g)));
        assertEquals("Container 'b': neuron group 'g' already belongs to Container 'a'; an object has one parent"
                + " structure", e.getMessage());
        assertEquals(null, net.object("b"), "a structure whose members fail is not registered");
        Container outer = new Container(net, "outer", List.of(a));
        e = assertThrows(ModelException.class, () -> a.addSubStructure(outer));
        assertEquals("Container 'a': cannot contain Container 'outer', which already contains it (cycle)",
                e.getMessage());
        e = assertThrows(ModelException.class, () -> a.addSubStructure(a));
        assertEquals("Container 'a': a structure cannot contain itself (cycle)", e.getMessage());
    }

    @Test
    void connectionCreatesSynapsesOnceBothEndsAreSetInEitherOrder() {
        Network net = new Network();
        CorticalLayer l4 = layer(net, "L4", 4, 2);
        CorticalLayer l2 = layer(net, "L2", 3, 1);
        for (boolean dstFirst : new boolean[] {false, true}) {
            CorticalLayerConnection c = new CorticalLayerConnection(net, "c" + dstFirst, excToExc(), BEHAVIORS);
            assertTrue(c.synapses().isEmpty());
            if (dstFirst) {
                c.connectDst(l2); // the reference fails here (BUG: checks dst twice)
                assertTrue(c.synapses().isEmpty());
                c.connectSrc(l4);
            } else {
                c.connectSrc(l4);
                c.connectDst(l2);
            }
            assertEquals(1, c.synapses().size());
            SynapseGroup sg = c.synapses().get(0);
            assertEquals(List.of("c" + dstFirst + ".exc_pop=>exc_pop", "Proximal", "SynapseGroup", "syn",
                    "L4.exc => L2.exc"), sg.tags());
            assertSame(c, Structure.parentOf(sg));
            assertEquals(List.of(2.0, 3.0, 180.0, 420.0, 440.0, 460.0, 480.0, 500.0),
                    List.copyOf(sg.behaviors().keySet()));
            c.connectSrc(l2);
            assertSame(l4, c.src());
        }
    }

    @Test
    void connectionToAMissingPopulationNamesTheRoles() {
        Network net = new Network();
        CorticalLayer l4 = layer(net, "L4", 4, 2);
        CorticalLayerConnection c = new CorticalLayerConnection(net, "c", List.of(new LayerConnection("exc_pop",
                "pop5", List.of(), null)), BEHAVIORS);
        c.connectSrc(l4);
        ConexException e = assertThrows(ConexException.class, () -> c.connectDst(l4));
        assertEquals("CorticalLayerConnection 'c', connection [0]: CorticalLayer 'L4' has no population 'pop5' (it"
                + " has [exc_pop, inh_pop])", e.getMessage());
    }

    @Test
    void columnConnectsUnconnectedConnectionsAndLeavesConnectedOnes() {
        Network net = new Network();
        CorticalLayer l4 = layer(net, "L4", 4, 2);
        CorticalLayer l2 = layer(net, "L2", 3, 1);
        CorticalLayer l5 = layer(net, "L5", 3, 1);
        CorticalLayerConnection c42 = new CorticalLayerConnection(net, "L4toL2", excToExc(), BEHAVIORS);
        CorticalLayerConnection pre = new CorticalLayerConnection(net, "L2toL5", l2, l5, excToExc(), BEHAVIORS);
        Map<String, CorticalLayer> layers = new LinkedHashMap<>();
        layers.put("l4", l4);
        layers.put("l2", l2);
        layers.put("l5", l5);
        CorticalColumn col = new CorticalColumn(net, "col", layers, List.of(
                new CorticalColumn.LayerLink("l4", "l2", c42), new CorticalColumn.LayerLink("l4", "l5", pre)));
        assertSame(l4, c42.src());
        assertSame(l2, c42.dst());
        assertSame(l2, pre.src()); // already connected: left as is
        assertEquals(List.of(l4, l2, l5, c42, pre), col.members());
        assertEquals(List.of("l4", "l2", "l5"), List.copyOf(col.layers().keySet()));
        assertEquals("l4", col.layerConnections().get(0).src());
        assertEquals("l2", col.layerConnections().get(1).src());
        assertEquals(List.of(col), Neocortex.corticalColumns(net));
        assertEquals(List.of(col), Neocortex.topLevel(net));
        ConexException e = assertThrows(ConexException.class, () -> new CorticalColumn(net, "col2", layers,
                List.of(new CorticalColumn.LayerLink("l4", "l6", new CorticalLayerConnection(net, "x", excToExc(),
                        BEHAVIORS)))));
        assertTrue(e.getMessage().contains("already belongs to CorticalColumn 'col'"), e.getMessage());
    }

    @Test
    void registryFindsProvidersByNameAndForgetsRemovedOnes() {
        CoreStructures core = new CoreStructures();
        StructureRegistry r = StructureRegistry.of(core);
        assertEquals(List.of("Container", "CorticalColumn", "CorticalLayer", "CorticalLayerConnection", "InputLayer",
                "Layer", "OutputLayer", "Synapsis"), r.names());
        assertSame(Synapsis.TYPE, r.require("Synapsis"));
        assertEquals(List.of(CoreStructures.class.getName()), r.providers());
        assertEquals(r.names(), Kit.STRUCTURES.names(), "found through META-INF/services");
        r.remove(core);
        ConexException e = assertThrows(ConexException.class, () -> r.require("Synapsis"));
        assertEquals("unknown structure type 'Synapsis'; installed: []", e.getMessage());
    }

    @Test
    void tagMappings() {
        var reroot = org.conex.structures.io.TagMapping.reroot("col", "col2");
        assertEquals(List.of("col2", "col2.L4.exc", "col2.exc", "col2.column"), List.of(reroot.map("col"),
                reroot.map("col.L4.exc"), reroot.map("exc"), reroot.map("column")));
        assertEquals("x.a", org.conex.structures.io.TagMapping.prefix("x.").map("a"));
    }

    @Test
    void neocortexHasTimeResolutionAtPriorityOne() {
        Network net = Neocortex.create(0.5, 3L, BEHAVIORS);
        assertEquals(List.of("Neocortex", "Network"), net.tags());
        assertEquals("TimeResolution", net.behaviors().get(1.0).name());
        new org.conex.runtime.Simulation(net).initialize();
        assertEquals(0.5, net.dt());
        assertEquals(3L, net.random().masterSeed());
    }

    @Test
    void columnNamesAnUnknownLayer() {
        Network net = new Network();
        CorticalLayer l4 = layer(net, "L4", 4, 2);
        CorticalLayerConnection c = new CorticalLayerConnection(net, "c", excToExc(), BEHAVIORS);
        ConexException e = assertThrows(ConexException.class, () -> new CorticalColumn(net, "col",
                Map.of("l4", l4), List.of(new CorticalColumn.LayerLink("l4", "l6", c))));
        assertEquals("CorticalColumn 'col': no layer named 'l6' (layers: [l4])", e.getMessage());
    }
}
