package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.junit.jupiter.api.Test;

/** SimpleDendriteComputation: spec 3.5, 8.1 test 8, Appendix B.5, BUG-5. */
class SimpleDendriteComputationTest {
    private final NeuronFixture fx = new NeuronFixture();

    /** A group with hand-set dendrite outputs (no structure), so inputs are exactly as written. */
    private NeuronGroup group(double proximal, double distal, double apical) {
        NeuronGroup g = fx.group("g", 1);
        fx.set(g, "I_proximal", proximal);
        fx.set(g, "I_distal", distal);
        fx.set(g, "I_apical", apical);
        return g;
    }

    private void lif(NeuronGroup g, double r, double tau, double v0) {
        fx.add(g, LIF.TYPE, p("R", r, "tau", tau, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0, "init_v", v0));
    }

    @Test
    void distalInputPrimesUpToTheProvocativeLimit() {
        NeuronGroup g = group(0.2, 1.0, 0.0);
        fx.add(g, SimpleDendriteComputation.TYPE, p("distal_provocativeness", 0.5));
        lif(g, 5.0, 10.0, 0.1);
        fx.init();
        fx.step();
        // term = tanh(1) * (0.5 - 0.1) = 0.3046377; I = 0.2 + 10 * term / 5
        assertEquals(0.8092753, get(g, "I")[0], 1e-6);
        assertEquals(0.4946377, get(g, "v")[0], 1e-6, "the LIF step moves v by 0.1*(-1) + term");
    }

    @Test
    void apicalAndDistalTermsAdd() {
        NeuronGroup g = group(0.0, 1.0, -1.0);
        fx.add(g, SimpleDendriteComputation.TYPE, p("distal_provocativeness", 0.5, "apical_provocativeness", 0.5));
        lif(g, 5.0, 10.0, 0.1);
        fx.init();
        fx.step();
        assertEquals(0.0, get(g, "I")[0], 1e-7, "tanh(1) and tanh(-1) cancel");
    }

    @Test
    void noPrimingAboveTheLimit() {
        NeuronGroup g = group(0.0, 1.0, 0.0);
        fx.add(g, SimpleDendriteComputation.TYPE, p("distal_provocativeness", 0.5));
        lif(g, 5.0, 10.0, 0.7);
        fx.init();
        fx.step();
        assertEquals(0.0, get(g, "I")[0], "v = 0.7 is above v_rest + 0.5*(threshold - v_rest)");
    }

    @Test
    void currentDecaysWithITauWithoutDt() {
        NeuronGroup g = group(0.0, 0.0, 0.0);
        fx.add(g, SimpleDendriteComputation.TYPE, p("I_tau", 4.0));
        fx.init();
        fx.set(g, "I", 1.0);
        fx.step();
        assertEquals(0.75, get(g, "I")[0]);
        fx.step();
        assertEquals(0.5625, get(g, "I")[0]);
    }

    @Test
    void withoutITauTheCurrentRestartsFromProximalInput() {
        NeuronGroup g = fx.group("g", 2);
        fx.set(g, "I_proximal", 0.5, 0.25);
        fx.set(g, "I_distal", 0, 0);
        fx.set(g, "I_apical", 0, 0);
        fx.add(g, SimpleDendriteComputation.TYPE, p());
        fx.add(g, LIF.TYPE, p("R", 1.0, "tau", List.of(4.0, 8.0), "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0));
        fx.init();
        fx.set(g, "I", 7, 7);
        fx.step();
        assertArrayEquals(new double[] {0.5, 0.25}, get(g, "I"), "a per-neuron tau needs no modulatory term");
    }

    @Test
    void groupWithoutTauOrRUsesOne() {
        NeuronGroup g = group(0.0, 1.0, 0.0);
        fx.set(g, "v", 0.0);
        fx.set(g, "v_rest", 0.0);
        fx.set(g, "threshold", 1.0);
        fx.add(g, SimpleDendriteComputation.TYPE, p("distal_provocativeness", 1.0));
        fx.init();
        fx.step();
        assertEquals((float) Math.tanh(1.0), get(g, "I")[0], 0.0);
    }

    @Test
    void aDisabledKindContributesNothing() {
        NeuronFixture f = new NeuronFixture();
        NeuronGroup in = f.group("in", 1);
        NeuronGroup g = f.group("g", 1);
        f.add(g, SimpleDendriteStructure.TYPE, p("Distal_max_delay", 0, "Apical_max_delay", 0));
        f.add(g, SimpleDendriteComputation.TYPE, p("distal_provocativeness", 0.5, "apical_provocativeness", 0.5));
        f.add(g, LIF.TYPE, p("R", 1.0, "tau", 4.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0));
        SynapseGroup s = f.synapse("s", in, g, "Proximal");
        f.drive(s, 180, "I", false, new double[] {0.5});
        f.init();
        f.step();
        assertEquals(0.5, get(g, "I")[0], "BUG-5: no crash, distal and apical are zero");
    }

    @Test
    void needsTheDendriteStructure() {
        NeuronGroup g = fx.group("g", 1);
        fx.add(g, SimpleDendriteComputation.TYPE, p());
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("SimpleDendriteComputation on 'g': needs 'I_proximal' from "
                + "SimpleDendriteStructure (priority 220) on the same group"), e.getMessage());
    }

    @Test
    void nonPositiveITauIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> SimpleDendriteComputation.TYPE.create(
                p("I_tau", 0.0)));
        assertEquals("SimpleDendriteComputation: parameter 'I_tau' expected a number > 0, found the number 0.0",
                e.getMessage());
    }
}
