package org.conex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.conex.api.model.BehaviorEntry;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.runtime.testkit.Probe;
import org.conex.runtime.testkit.Silent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulationTest {
    @BeforeEach
    void resetLog() {
        Probe.log = new ArrayList<>();
    }

    /** The worked example of spec core.md §1.5, recorded on the reference. */
    @Test
    void scheduleInitializationAndForwardOrderMatchTheReference() {
        Network net = new Network();
        net.addBehavior(5, Probe.of("net5"));
        net.addBehavior(1, Probe.of("net1"));
        NeuronGroup ng1 = net.addNeuronGroup("NG1", 2);
        ng1.addBehavior(5, Probe.of("A5"));
        ng1.addBehavior(2, Probe.last("Last2"));
        ng1.addBehavior(1, Silent.of("Empty1"));
        NeuronGroup ng2 = net.addNeuronGroup("NG2", 2);
        ng2.addBehavior(0, Probe.of("B0"));
        ng2.addBehavior(1, Probe.of("B1"));
        SynapseGroup sg = net.addSynapseGroup("SG", ng1, ng2);
        sg.addBehavior(5, Probe.of("sg5"));

        Simulation sim = new Simulation(net);
        List<String> order = new ArrayList<>();
        for (BehaviorEntry e : sim.schedule()) {
            order.add((long) e.priority() + ":" + e.behavior().params().string("label"));
        }
        assertEquals(List.of("0:B0", "1:net1", "1:Empty1", "1:B1", "2:Last2", "5:net5", "5:A5", "5:sg5"), order);

        sim.initialize();
        assertEquals(List.of("init:B0", "init:net1", "init:Empty1", "init:B1", "init:net5", "init:A5", "init:sg5",
                "init:Last2"), Probe.log);

        Probe.log.clear();
        sim.step();
        assertEquals(List.of("fwd:B0@1", "fwd:net1@1", "fwd:B1@1", "fwd:Last2@1", "fwd:net5@1", "fwd:A5@1",
                "fwd:sg5@1"), Probe.log);
        assertEquals(1, net.iteration());
    }

    @Test
    void iterationIsOneDuringTheFirstStepAndCountsSteps() {
        Network net = new Network();
        net.addBehavior(1, Probe.of("p"));
        Simulation sim = new Simulation(net);
        sim.simulate(3);
        assertEquals(List.of("init:p", "fwd:p@1", "fwd:p@2", "fwd:p@3"), Probe.log);
        assertEquals(3, net.iteration());
    }

    @Test
    void behaviorsAddedRemovedOrDisabledBetweenStepsTakeEffectAtTheNextStep() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 1);
        Probe a = g.addBehavior(10, Probe.of("a"));
        Simulation sim = new Simulation(net);
        sim.step();
        g.addBehavior(5, Probe.of("b"));
        g.addBehavior(7, Probe.last("c"));
        sim.step();
        assertEquals(List.of("init:a", "fwd:a@1", "init:b", "init:c", "fwd:b@2", "fwd:c@2", "fwd:a@2"), Probe.log);
        Probe.log.clear();
        a.setEnabled(false);
        g.removeBehavior(5);
        sim.step();
        assertEquals(List.of("fwd:c@3"), Probe.log);
        assertFalse(a.isEnabled());
    }

    @Test
    void initializeAfterAddingInitialisesTheNewBehaviorAtOnce() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 1);
        g.addBehavior(10, Probe.of("a"));
        Simulation sim = new Simulation(net);
        sim.step();
        g.addBehavior(5, Probe.of("b"));
        sim.initialize();
        assertEquals(List.of("init:a", "fwd:a@1", "init:b"), Probe.log);
        sim.step();
        assertEquals(List.of("init:a", "fwd:a@1", "init:b", "fwd:b@2", "fwd:a@2"), Probe.log);
    }

    /** PymoNNtorch's second initialize(): both passes over every behavior again, iteration kept. */
    @Test
    void reinitializeRunsBothPassesOverEveryBehaviorAgain() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 1);
        g.addBehavior(10, Probe.of("a"));
        g.addBehavior(2, Probe.last("z"));
        Simulation sim = new Simulation(net);
        sim.simulate(2);
        Probe.log.clear();
        sim.reinitialize();
        assertEquals(List.of("init:a", "init:z"), Probe.log);
        assertEquals(2, net.iteration());
        sim.step();
        assertEquals(List.of("init:a", "init:z", "fwd:z@3", "fwd:a@3"), Probe.log);
    }

    @Test
    void disablingByTagFreezesEveryMatchingBehavior() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 1);
        Probe p = g.addBehavior(10, Probe.of("a"));
        p.addTag("weight_learning");
        Simulation sim = new Simulation(net);
        assertEquals(1, net.setBehaviorsEnabled("weight_learning", false));
        sim.step();
        assertEquals(List.of("init:a"), Probe.log);
    }

    @Test
    void aFailingBehaviorIsReportedWithBehaviorObjectAndStep() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("exc", 1);
        g.addBehavior(260, new Probe(Probe.TYPE.params(java.util.Map.of("label", "x"))) {
            @Override
            public void forward(org.conex.api.model.NetworkObject owner) {
                if (owner.network().iteration() == 2) {
                    throw new IllegalStateException("boom");
                }
            }
        });
        Simulation sim = new Simulation(net);
        sim.step();
        BehaviorFailure f = assertThrows(BehaviorFailure.class, sim::step);
        assertEquals("Probe (priority 260) on neuron group 'exc' failed at step 2: boom", f.getMessage());
        assertEquals(2, f.step());
    }

    @Test
    void describeScheduleListsPrioritiesOwnersAndFlags() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 1);
        g.addBehavior(3, Silent.of("s"));
        g.addBehavior(4, Probe.last("l"));
        String text = new Simulation(net).describeSchedule();
        assertTrue(text.contains("3  g                        Silent [no forward]"), text);
        assertTrue(text.contains("4  g                        LastProbe [initialize-last]"), text);
    }

    @Test
    void negativeStepCountIsRejected() {
        Simulation sim = new Simulation(new Network());
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(-1));
    }
}
