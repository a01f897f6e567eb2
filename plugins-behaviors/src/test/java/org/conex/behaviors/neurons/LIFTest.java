package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** LIF integration and firing: spec 8.1 tests 1 and 4, Appendix B.1. */
class LIFTest {
    private static NeuronGroup lif(NeuronFixture fx, int n, Object threshold, boolean fire) {
        NeuronGroup g = fx.group("g", n);
        fx.add(g, LIF.TYPE, p("R", 5.0, "tau", 10.0, "threshold", threshold, "v_reset", 0.0, "v_rest", 0.0));
        if (fire) {
            fx.add(g, Fire.TYPE, p());
        }
        fx.drive(g, 250, "I", false, new double[n]);
        return g;
    }

    @Test
    void constantDriveFollowsOneMinusPointNineToTheN() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = lif(fx, 1, 100.0, false);
        g.removeBehavior(250);
        fx.init();
        fx.set(g, "I", 0.2);
        double[] expected = {0.1, 0.19, 0.271, 0.3439, 0.40951, 0.468559, 0.5217031};
        float v = 0f;
        for (int n = 0; n < expected.length; n++) {
            fx.step();
            v = v + ((0f - v) + 5f * 0.2f) * 1f / 10f;
            assertEquals(v, get(g, "v")[0], 0.0, "bit-exact float32 at step " + (n + 1));
            assertEquals(expected[n], get(g, "v")[0], 1e-6, "Appendix B.1 at step " + (n + 1));
        }
    }

    @Test
    void firstSpikeAtStepSevenThenReset() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = lif(fx, 1, 0.5, true);
        g.removeBehavior(250);
        fx.init();
        fx.set(g, "I", 0.2);
        fx.steps(6);
        assertEquals(0.0, get(g, "spikes")[0]);
        assertEquals(0.468559, get(g, "v")[0], 1e-6);
        fx.step();
        assertEquals(1.0, get(g, "spikes")[0], "v = 0.5217031 >= 0.5 at step 7");
        assertEquals(0.0, get(g, "v")[0], "reset to v_reset");
        fx.step();
        assertEquals(0.0, get(g, "spikes")[0]);
        assertEquals(0.1, get(g, "v")[0], 1e-7);
    }

    @Test
    void halfMillisecondStepScalesTheUpdate() {
        NeuronFixture fx = new NeuronFixture(DType.FLOAT32, 0.5);
        NeuronGroup g = fx.group("g", 1);
        fx.add(g, LIF.TYPE, p("R", 1.0, "tau", 10.0, "threshold", 9.0, "v_reset", 0.0, "v_rest", 0.0));
        fx.init();
        fx.set(g, "I", 1.0);
        fx.step();
        assertEquals(0.05, get(g, "v")[0], 1e-8);
    }

    @Test
    void float64NetworkComputesInDouble() {
        NeuronFixture fx = new NeuronFixture(DType.FLOAT64, 1.0);
        NeuronGroup g = fx.group("g", 1);
        fx.add(g, LIF.TYPE, p("R", 5.0, "tau", 10.0, "threshold", 9.0, "v_reset", 0.0, "v_rest", 0.0));
        fx.init();
        fx.set(g, "I", 0.2);
        fx.steps(5);
        assertEquals(1 - Math.pow(0.9, 5), get(g, "v")[0], 1e-15);
    }

    @Test
    void initialisationStoresVectorsInitialStateAndModel() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 3);
        LIF lif = fx.add(g, LIF.TYPE, p("R", 1.0, "tau", 8.0, "threshold", java.util.List.of(1.0, 2.0, 3.0),
                "v_reset", -1.0, "v_rest", 0.0, "init_v", java.util.List.of(1.0, 1.0, 5.0)));
        fx.init();
        assertArrayEquals(new double[] {1, 2, 3}, get(g, "threshold"));
        assertArrayEquals(new double[] {-1, -1, -1}, get(g, "v_reset"), "scalars are broadcast");
        assertArrayEquals(new double[] {1, 1, 5}, get(g, "v"));
        assertArrayEquals(new double[] {1, 0, 1}, get(g, "spikes"), "init_s defaults to v >= threshold");
        assertTrue(NeuronFixture.isBool(g, "spikes"));
        assertSame(lif, g.get("spiking_neuron"));
    }

    @Test
    void withoutFireSpikesKeepTheirInitialValue() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 2);
        fx.add(g, LIF.TYPE, p("R", 1.0, "tau", 8.0, "threshold", 0.0, "v_reset", 0.0, "v_rest", 0.0,
                "init_s", java.util.List.of(0.0, 1.0)));
        fx.drive(g, 250, "I", false, new double[] {-1, -1});
        fx.init();
        fx.steps(3);
        assertArrayEquals(new double[] {0, 1}, get(g, "spikes"), "ODD-3: frozen without Fire");
        java.util.List<String> w = g.network().warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("LIF on 'g': no Fire behavior on the group"), w.get(0));
        assertTrue(w.get(0).contains("(1 of 2 true)"), w.get(0));
    }

    @Test
    void withFireThereIsNoWarning() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = lif(fx, 2, 1.0, true);
        fx.init();
        assertTrue(g.network().warnings().isEmpty(), g.network().warnings().toString());
    }

    @Test
    void nonPositiveTauIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> LIF.TYPE.create(
                p("R", 1.0, "tau", -2.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0)));
        assertEquals("LIF: parameter 'tau' expected a number or a list of numbers > 0, found the number -2.0",
                e.getMessage());
    }

    @Test
    void missingRequiredParameterIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> LIF.TYPE.create(
                p("R", 1.0, "tau", 2.0, "v_reset", 0.0, "v_rest", 0.0)));
        assertEquals("LIF: parameter 'threshold' is required (a number or a list of numbers) but was not given",
                e.getMessage());
    }

    @Test
    void perNeuronParameterOfWrongLengthIsRejectedAtInitialization() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 3);
        fx.add(g, LIF.TYPE, p("R", 1.0, "tau", 8.0, "threshold", java.util.List.of(1.0, 2.0),
                "v_reset", 0.0, "v_rest", 0.0));
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("LIF on 'g': parameter 'threshold' has 2 values, expected one number or 3 "
                + "values (one per neuron)"), e.getMessage());
    }
}
