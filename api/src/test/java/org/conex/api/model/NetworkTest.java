package org.conex.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.ModelException;
import org.conex.api.TestBehaviors.NeuronOnly;
import org.conex.api.TestBehaviors.Tagged;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class NetworkTest {
    @Test
    void tagLookupFollowsReferenceOrderAndIsLive() {
        Network net = new Network();
        Tagged nb = net.addBehavior(1, Tagged.with("X"));
        NeuronGroup a = net.addNeuronGroup("A", 3);
        a.addTag("X");
        Tagged ab = a.addBehavior(2, Tagged.with("X"));
        NeuronGroup b = net.addNeuronGroup("B", 2);
        SynapseGroup s = net.addSynapseGroup("S", a, b, "X");
        assertEquals(List.of(nb, a, ab, s), net.find("X"));
        b.addTag("X");
        assertEquals(List.of(nb, a, ab, b, s), net.find("X"), "a tag added later is seen at once");
    }

    @Test
    void synapseGroupsGetKindAndConnectionTagsAndAppearOnBothSides() {
        Network net = new Network();
        NeuronGroup a = net.addNeuronGroup("A", 3);
        NeuronGroup b = net.addNeuronGroup("B", 2);
        SynapseGroup s = net.addSynapseGroup("S", a, b, "Proximal, inh");
        assertEquals(List.of("S", "Proximal", "inh", "SynapseGroup", "syn", "A => B"), s.tags());
        assertEquals(List.of(s), b.afferent("A => B"), "the reference leaves this list empty (bug)");
        assertEquals(List.of(s), a.efferent("A => B"));
        assertEquals(List.of(s), b.afferent("Proximal"));
        assertEquals(List.of(), b.efferent("All"));
        assertEquals(List.of("A", "NeuronGroup", "ng"), a.tags());
    }

    @Test
    void matrixShapeFollowsSynapseMode() {
        Network sxd = new Network();
        SynapseGroup s1 = sxd.addSynapseGroup("s", sxd.addNeuronGroup("a", 3), sxd.addNeuronGroup("b", 2));
        assertArrayEquals(new long[] {3, 2}, s1.matrixShape());
        Network dxs = new Network("n", DType.FLOAT32, SynapseMode.DxS, 0);
        SynapseGroup s2 = dxs.addSynapseGroup("s", dxs.addNeuronGroup("a", 3), dxs.addNeuronGroup("b", 2));
        assertArrayEquals(new long[] {2, 3}, s2.matrixShape());
    }

    /**
     * core.md 1.4 (recorded on the reference): NGs tagged A, A, A, Ab become A, Ab, Ac and, since
     * names are re-checked here (6.2 #14), Abb instead of a second Ab; each renamed group keeps the
     * asked tag last and a warning is recorded.
     */
    @Test
    void duplicateNeuronGroupTagsAreRenamedAsInTheReference() {
        Network net = new Network();
        NeuronGroup a = net.addNeuronGroup("A", 3);
        NeuronGroup b = net.addNeuronGroup("A", 2);
        NeuronGroup c = net.addNeuronGroup("A", 2);
        NeuronGroup d = net.addNeuronGroup("Ab", 1);
        assertEquals(List.of("A", "NeuronGroup", "ng"), a.tags());
        assertEquals(List.of("Ab", "NeuronGroup", "ng", "A"), b.tags());
        assertEquals(List.of("Ac", "NeuronGroup", "ng", "A"), c.tags());
        assertEquals("Abb", d.tag());
        assertEquals(List.of("Abb", "NeuronGroup", "ng", "Ab"), d.tags());
        assertEquals(3, net.warnings().size(), net.warnings().toString());
        assertEquals(4, net.neuronGroups().size());
        assertEquals("neuron group tag 'A' is already taken, so the new group is called 'Ab' (its tags keep 'A'), as"
                + " PymoNNtorch renames duplicate neuron group tags", net.warnings().get(0));
    }

    /** The count is of groups that asked for the tag, not of class or extra tags that happen to match. */
    @Test
    void theRenameCountsAskedTagsOnly() {
        Network net = new Network();
        net.addNeuronGroup("x", 1);
        net.addNeuronGroup("y", 1);
        net.addNeuronGroup("ng", 1);
        assertEquals("ngb", net.addNeuronGroup("ng", 1).tag(), "every group carries the class tag 'ng'");
        Network extra = new Network();
        extra.addNeuronGroup("E", 1).addTag("A");
        extra.addNeuronGroup("A", 1);
        assertEquals("Ab", extra.addNeuronGroup("A", 1).tag(), "E's extra tag A is not an asked primary tag");
    }

    @Test
    void aNeuronGroupTagOfAnotherKindOfObjectIsStillAnError() {
        Network net = new Network("net", DType.FLOAT32, SynapseMode.SxD, 0);
        NeuronGroup a = net.addNeuronGroup("A", 1);
        net.addSynapseGroup("S", a, a);
        ModelException e = assertThrows(ModelException.class, () -> net.addNeuronGroup("S", 1));
        assertTrue(e.getMessage().startsWith("duplicate tag 'S': synapse group 'S' already has it"), e.getMessage());
        e = assertThrows(ModelException.class, () -> net.addNeuronGroup("net", 1));
        assertTrue(e.getMessage().contains("it is the network's own tag"), e.getMessage());
        assertEquals(List.of(), net.warnings());
    }

    @Test
    void duplicateTagsOfOtherObjectsAndPrioritiesAreErrors() {
        Network net = new Network();
        NeuronGroup a = net.addNeuronGroup("A", 3);
        net.addSynapseGroup("S", a, a);
        ModelException e = assertThrows(ModelException.class, () -> net.addSynapseGroup("S", a, a));
        assertTrue(e.getMessage().startsWith("duplicate tag 'S': synapse group 'S' already has it"), e.getMessage());
        a.addBehavior(5, Tagged.with("x"));
        e = assertThrows(ModelException.class, () -> a.addBehavior(5, Tagged.with("y")));
        assertTrue(e.getMessage().contains("'A' already has Tagged at priority 5"), e.getMessage());
        assertThrows(ModelException.class, () -> net.addNeuronGroup("B", -1));
    }

    @Test
    void behaviorsCheckTheirOwnerKindAndBelongToOneObject() {
        Network net = new Network();
        NeuronGroup a = net.addNeuronGroup("A", 3);
        SynapseGroup s = net.addSynapseGroup("S", a, a);
        NeuronOnly n = (NeuronOnly) NeuronOnly.TYPE.create(Map.of());
        ModelException e = assertThrows(ModelException.class, () -> s.addBehavior(1, n));
        assertEquals("NeuronOnly can only be attached to a neuron group, not to 'S' (synapse group)", e.getMessage());
        a.addBehavior(n);
        assertEquals(260.0, n.priority());
        NeuronGroup b = net.addNeuronGroup("B", 1);
        assertThrows(ModelException.class, () -> b.addBehavior(1, n));
    }

    @Test
    void geometryGivesCentredPositions() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", new NeuronShape(2, 2, 3));
        assertEquals(12, g.size());
        assertArrayEquals(new double[] {-1, 0, 1, -1, 0, 1, -1, 0, 1, -1, 0, 1}, Tensors.toDoubles(g.array("x")));
        assertArrayEquals(new double[] {-.5, -.5, -.5, .5, .5, .5, -.5, -.5, -.5, .5, .5, .5},
                Tensors.toDoubles(g.array("y")));
        assertArrayEquals(new double[] {-.5, -.5, -.5, -.5, -.5, -.5, .5, .5, .5, .5, .5, .5},
                Tensors.toDoubles(g.array("z")));
        assertEquals(new NeuronShape(1, 1, 5), net.addNeuronGroup("flat", 5).shape());
    }

    @Test
    void putCopiesIntoExistingArraysSoViewsStayValid() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 3);
        INDArray v = Tensors.of(DType.FLOAT32, new double[] {1, 2, 3}, 3);
        g.put("v", v);
        var view = g.vec("v");
        g.put("v", Tensors.of(DType.FLOAT32, new double[] {4, 5, 6}, 3));
        assertSame(v, g.array("v"));
        assertEquals(5.0, view.get(1));
        ModelException e = assertThrows(ModelException.class, () -> g.array("w"));
        assertTrue(e.getMessage().startsWith("'g' has no variable 'w' (it has [v])"), e.getMessage());
    }

    @Test
    void aReplacedOrRemovedArrayNeverLeavesAStaleView() {
        NeuronGroup g = new Network().addNeuronGroup("g", 3);
        g.put("v", Tensors.of(DType.FLOAT32, new double[] {1, 2, 3}, 3));
        assertEquals(2.0, g.vec("v").get(1));
        INDArray longer = Tensors.of(DType.FLOAT32, new double[] {7, 8, 9, 10}, 4);
        g.put("v", longer);
        assertSame(longer, g.vec("v").array(), "a different shape replaces the array and its view");
        assertEquals(8.0, g.vec("v").get(1));
        INDArray doubles = Tensors.of(DType.FLOAT64, new double[] {-1, -2, -3, -4}, 4);
        g.put("v", doubles);
        assertSame(doubles, g.vec("v").array(), "a different type too");
        g.remove("v");
        assertThrows(ModelException.class, () -> g.vec("v"));
        g.put("v", Tensors.of(DType.FLOAT32, new double[] {5, 6, 7}, 3));
        assertEquals(6.0, g.vec("v").get(1), "a variable put again after removal gets a fresh view");
    }
}
