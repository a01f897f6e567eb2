package org.conex.examples.izhikevich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;

/** Izhikevich's worked numbers and discovery on a plain class path. */
class IzhikevichTest {
    @Test
    void isFoundByServiceLoaderOnAPlainClassPath() {
        BehaviorRegistry r = BehaviorRegistry.fromClassPath();
        assertEquals(Izhikevich.TYPE, r.require("Izhikevich"));
    }

    @Test
    void firstStepFollowsTheEquations() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("n", 1);
        g.put("I", Tensors.of(net.dtype(), new double[] {10}, 1));
        @SuppressWarnings("unchecked")
        Behavior<NeuronGroup> izh = (Behavior<NeuronGroup>) Izhikevich.TYPE.create(Map.of());
        g.addBehavior(260, izh);
        izh.initialize(g);
        izh.forward(g);
        // v = -65 + (0.04*4225 - 325 + 140 + 13 + 10) = -65 + 7 = -58; u = -13 + 0.02*(0.2*-65 + 13) = -13
        assertEquals(-58f, g.array("v").getFloat(0), 1e-4);
        assertEquals(-13f, g.array("u").getFloat(0), 1e-4);
    }

    @Test
    void regularSpikingFiresRepeatedlyUnderConstantDrive() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("n", 1);
        g.put("I", Tensors.of(net.dtype(), new double[] {10}, 1));
        Izhikevich izh = (Izhikevich) Izhikevich.TYPE.create(Map.of());
        g.addBehavior(260, izh);
        izh.initialize(g);
        int spikes = 0;
        for (int t = 0; t < 1000; t++) {
            izh.forward(g);
            izh.fire(g);
            spikes += g.array("spikes").getDouble(0) != 0 ? 1 : 0;
        }
        assertTrue(spikes >= 5 && spikes <= 100, "regular spiking at I=10 for 1 s, found " + spikes + " spikes");
    }
}
