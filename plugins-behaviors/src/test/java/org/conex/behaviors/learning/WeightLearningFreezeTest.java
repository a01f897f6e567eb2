package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Tensors;
import org.conex.behaviors.LearningBehaviors;
import org.conex.behaviors.network.Dopamine;
import org.conex.behaviors.network.Payoff;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;

/** {@code Network.setBehaviorsEnabled("weight_learning", false)} freezes every learning rule. */
class WeightLearningFreezeTest {
    @Test
    void everyRegisteredRuleCarriesTheTagAndPriority500() {
        List<BehaviorType> types = new LearningBehaviors().behaviorTypes();
        assertEquals(9, types.size());
        for (BehaviorType t : types) {
            assertTrue(t.tags().contains("weight_learning"), t.name());
            assertEquals(500, t.defaultPriority(), t.name());
        }
    }

    @Test
    void disablingTheTagFreezesAllPlasticityAndEnablingResumesIt() {
        Network net = new Network();
        net.addBehavior(new Payoff(1.0));
        net.addBehavior(new Dopamine(2.0, 0.0));
        NeuronGroup a = net.addNeuronGroup("a", 2);
        NeuronGroup b = net.addNeuronGroup("b", 2);
        SynapseGroup[] syns = {
            synapse(net, "stdp", a, b, SimpleSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.05),
            synapse(net, "rstdp", a, b, SimpleRSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.05, "tau_c", 4.0),
            synapse(net, "istdp", a, b, SimpleiSTDP.TYPE, "alpha", 0.2, "lr", 0.01),
        };
        Simulation sim = new Simulation(net);
        sim.initialize();

        assertEquals(3, net.setBehaviorsEnabled("weight_learning", false));
        double[][] before = snapshot(syns);
        double[] cBefore = Tensors.toDoubles(syns[1].array("c"));
        sim.simulate(5);
        for (int s = 0; s < syns.length; s++) {
            assertArrayEquals(before[s], Tensors.toDoubles(syns[s].array("weights")), 0, syns[s].tag());
        }
        assertArrayEquals(cBefore, Tensors.toDoubles(syns[1].array("c")), 0);
        assertTrue(net.scalar("dopamine_concentration") > 0, "dopamine is not a learning rule and keeps running");

        assertEquals(3, net.setBehaviorsEnabled("weight_learning", true));
        sim.step();
        for (int s = 0; s < syns.length; s++) {
            assertFalse(java.util.Arrays.equals(before[s], Tensors.toDoubles(syns[s].array("weights"))), syns[s].tag());
        }
    }

    private static SynapseGroup synapse(Network net, String tag, NeuronGroup a, NeuronGroup b, BehaviorType type,
                                        Object... kv) {
        SynapseGroup s = net.addSynapseGroup(tag, a, b);
        s.put("weights", Tensors.of(net.dtype(), new double[] {0.5, 0.5, 0.5, 0.5}, 2, 2));
        s.put("pre_trace", Tensors.of(net.dtype(), new double[] {0.5, 0.25}, 2));
        s.put("post_trace", Tensors.of(net.dtype(), new double[] {0.5, 0.125}, 2));
        s.put("pre_spike", Tensors.bools(new boolean[] {true, false}, 2));
        s.put("post_spike", Tensors.bools(new boolean[] {false, true}, 2));
        Map<String, Object> params = LearningFixture.params(kv);
        s.addBehavior(type.create(params));
        return s;
    }

    private static double[][] snapshot(SynapseGroup[] syns) {
        double[][] w = new double[syns.length][];
        for (int s = 0; s < syns.length; s++) {
            w[s] = Tensors.toDoubles(syns[s].array("weights"));
        }
        return w;
    }
}
