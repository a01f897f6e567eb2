package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** Fire: spec 8.1 test 11. */
class FireTest {
    @Test
    void thresholdIsInclusiveAndFiredNeuronsReset() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 3);
        fx.add(g, LIF.TYPE, p("R", 1.0, "tau", 10.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0,
                "init_v", java.util.List.of(0.9, 1.0, 1.1)));
        fx.add(g, Fire.TYPE, p());
        fx.init();
        g.removeBehavior(260);
        fx.step();
        assertArrayEquals(new double[] {0, 1, 1}, get(g, "spikes"));
        assertArrayEquals(new double[] {0.9, 0, 0}, get(g, "v"), 1e-7);
    }

    @Test
    void needsANeuronModel() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 3);
        fx.add(g, Fire.TYPE, p());
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("Fire on 'g': needs a neuron model (LIF, ELIF, AELIF or another "
                + "SpikingNeuron) on the same group"), e.getMessage());
    }
}
