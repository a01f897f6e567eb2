package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.Port;
import org.junit.jupiter.api.Test;

/** Port resolution and behavior precedence of Synapsis (core.md §4.3, §4.8; spec test 26). */
class PortResolutionTest {

    /** Source container with two groups behind "out"; destination column -> layer -> group. */
    private static final class Fixture {
        final Network net = new Network();
        final NeuronGroup a = net.addNeuronGroup("a", 3);
        final NeuronGroup b = net.addNeuronGroup("b", 2);
        final NeuronGroup c = net.addNeuronGroup("c", 4);
        final Container src = new Container(net, "src", List.of(a, b));
        final Layer layer = new Layer(net, "layer", List.of(c), List.of());
        final Container column = new Container(net, "column", List.of(layer));

        Fixture() {
            // source ports: a with a trace at 460, b with a trace at 460 and a catcher at 420
            src.setOutputPort("out", List.of(
                    Port.of(a).withBehaviors(List.of(spec("PreTrace", "tau_s", 1.0))),
                    Port.of(b).withBehaviors(List.of(spec("PreTrace", "tau_s", 2.0), spec("PreSpikeCatcher")))));
            // destination: outer port (column) gives PreTrace tau 3 and PostTrace tau 3;
            // inner port (layer) gives PostTrace tau 4, which must win over the outer one
            layer.setInputPort("in", List.of(Port.of(c).withBehaviors(List.of(spec("PostTrace", "tau_s", 4.0)))));
            column.setInputPort("in", List.of(Port.of(layer, "in").withBehaviors(List.of(
                    spec("PreTrace", "tau_s", 3.0), spec("PostTrace", "tau_s", 3.0)))));
        }
    }

    private static double tau(SynapseGroup s, double priority) {
        return s.behaviors().get(priority).params().number("tau_s");
    }

    @Test
    void onePairPerResolvedGroupWithPrecedenceConnectionOverDestinationOverSource() {
        Fixture f = new Fixture();
        Synapsis syn = new Synapsis(f.net, "syn", f.src, "out", f.column, "in",
                List.of(spec("SynapseInit"), spec("PostTrace", "tau_s", 9.0)), "Proximal", BEHAVIORS);

        List<SynapseGroup> sgs = syn.synapses();
        assertEquals(2, sgs.size());
        assertEquals(List.of(f.a, f.b), List.of(sgs.get(0).src(), sgs.get(1).src()));
        assertEquals(f.c, sgs.get(0).dst());
        assertEquals(List.of("syn.a=>c", "Proximal", "SynapseGroup", "syn", "a => c"), sgs.get(0).tags());

        // priorities in overlay order: source port, then destination (outer then inner), then connection
        assertEquals(List.of(460.0, 480.0, 2.0), order(sgs.get(0)));
        assertEquals(List.of(460.0, 420.0, 480.0, 2.0), order(sgs.get(1)));
        // PreTrace: the destination's outer port (3) overrides the source port (1, 2)
        assertEquals(3.0, tau(sgs.get(0), 460));
        assertEquals(3.0, tau(sgs.get(1), 460));
        // PostTrace: the connection (9) overrides the inner destination port (4) over the outer (3)
        assertEquals(9.0, tau(sgs.get(0), 480));
        assertTrue(sgs.get(1).behaviors().containsKey(420.0));
        assertEquals(List.of(syn.tag()), List.of(org.conex.api.structure.Structure.parentOf(sgs.get(0)).tag()));
    }

    /** Priorities of {@code s}'s behaviors in the order they were attached (= overlay order). */
    private static List<Double> order(SynapseGroup s) {
        List<Double> byInsertion = new ArrayList<>();
        s.network().schedule().stream().filter(e -> e.owner() == s)
                .sorted((x, y) -> Long.compare(x.sequence(), y.sequence()))
                .forEach(e -> byInsertion.add(e.priority()));
        return byInsertion;
    }

    @Test
    void innerPortBehaviorWinsOverOuterWithoutConnectionBehavior() {
        Fixture f = new Fixture();
        Synapsis syn = new Synapsis(f.net, "syn", f.src, "out", f.column, "in", null, null, BEHAVIORS);
        assertEquals(4.0, tau(syn.synapses().get(0), 480));
    }

    @Test
    void everySynapseGroupGetsItsOwnBehaviorInstances() {
        Fixture f = new Fixture();
        Synapsis syn = new Synapsis(f.net, "syn", f.src, "out", f.column, "in",
                List.of(spec("SynapseInit"), spec("PostTrace", "tau_s", 9.0)), null, BEHAVIORS);
        Map<Behavior<?>, SynapseGroup> owners = new IdentityHashMap<>();
        for (SynapseGroup s : syn.synapses()) {
            for (Behavior<?> b : s.behaviors().values()) {
                SynapseGroup before = owners.put(b, s);
                assertTrue(before == null, b.name() + " shared by " + before + " and " + s);
                assertEquals(s, b.owner());
            }
        }
        assertNotSame(syn.synapses().get(0).behaviors().get(2.0), syn.synapses().get(1).behaviors().get(2.0));
    }

    @Test
    void groupEndsResolveToThemselves() {
        Fixture f = new Fixture();
        Synapsis syn = new Synapsis(f.net, null, f.a, "ignored", f.c, null, List.of(spec("SynapseInit")), null,
                BEHAVIORS);
        assertEquals("Synapsis_7", syn.tag());
        assertEquals(1, syn.synapses().size());
        assertEquals(f.a, syn.synapses().get(0).src());
    }

    @Test
    void connectingEndsLaterInEitherOrderCreatesTheSynapsesOnce() {
        Fixture f = new Fixture();
        Synapsis syn = new Synapsis(f.net, "syn", null, "out", null, "in", null, null, BEHAVIORS);
        assertTrue(syn.synapses().isEmpty());
        syn.connectDst(f.column);
        assertTrue(syn.synapses().isEmpty());
        syn.connectSrc(f.src);
        assertEquals(2, syn.synapses().size());
        syn.createSynapses();
        assertEquals(2, syn.synapses().size());
    }

    @Test
    void missingPortIsAnErrorNamingTheLabelsThatExist() {
        Fixture f = new Fixture();
        ConexException e = assertThrows(ConexException.class, () -> new Synapsis(f.net, "syn", f.src, "output",
                f.column, "in", null, null, BEHAVIORS));
        assertEquals("Synapsis 'syn': Container 'src' has no output port 'output'; its output ports: [out]",
                e.getMessage());
        f.column.setInputPort("deep", List.of(Port.of(f.layer, "nope")));
        e = assertThrows(ConexException.class, () -> new Synapsis(f.net, "syn2", f.src, "out", f.column, "deep",
                null, null, BEHAVIORS));
        assertEquals("Synapsis 'syn2': Layer 'layer' has no input port 'nope' (reached through column.deep);"
                + " its input ports: [in]", e.getMessage());
    }

    @Test
    void portCycleIsAnError() {
        Fixture f = new Fixture();
        f.layer.setInputPort("loop", List.of(Port.of(f.column, "loop")));
        f.column.setInputPort("loop", List.of(Port.of(f.layer, "loop")));
        ConexException e = assertThrows(ConexException.class, () -> new Synapsis(f.net, "syn", f.src, "out",
                f.column, "loop", null, null, BEHAVIORS));
        assertEquals("Synapsis 'syn': ports form a cycle: column.loop -> layer.loop -> column.loop", e.getMessage());
    }

    @Test
    void portLeadingToASynapseGroupIsAnError() {
        Fixture f = new Fixture();
        SynapseGroup sg = f.net.addSynapseGroup("sg", f.a, f.b);
        f.column.setInputPort("bad", List.of(Port.of(sg)));
        ConexException e = assertThrows(ConexException.class, () -> new Synapsis(f.net, "syn", f.src, "out",
                f.column, "bad", null, null, BEHAVIORS));
        assertEquals("Synapsis 'syn': port path column.bad leads to synapse group 'sg', which has no neurons; ports"
                + " must lead to neuron groups or structures", e.getMessage());
    }

    @Test
    void duplicatePriorityAndUnknownBehaviorAreErrors() {
        Fixture f = new Fixture();
        ConexException e = assertThrows(ConexException.class, () -> new Synapsis(f.net, "syn", f.src, "out",
                f.column, "in", List.of(spec("PreTrace", "tau_s", 1.0), spec("PreTrace", "tau_s", 2.0)), null,
                BEHAVIORS));
        assertEquals("Synapsis 'syn' synapsis_behavior: PreTrace and PreTrace both have priority 460; give one of"
                + " them another priority", e.getMessage());
        e = assertThrows(ConexException.class, () -> new Synapsis(f.net, "syn3", f.src, "out", f.column, "in",
                List.of(spec("Nonexistent")), null, BEHAVIORS));
        assertTrue(e.getMessage().startsWith("Synapsis 'syn3' synapsis_behavior: unknown behavior 'Nonexistent';"
                + " installed: ["), e.getMessage());
    }
}
