package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** AELIF: spec 3.3, 8.1 test 6 and Appendix B.3. */
class AELIFTest {
    private static Map<String, Object> params(double vReset, Object initV) {
        Map<String, Object> m = ELIFTest.elifParams(initV);
        m.put("v_reset", vReset);
        m.put("alpha", 0.1);
        m.put("beta", 0.2);
        m.put("w_tau", 5.0);
        return m;
    }

    private static NeuronGroup group(NeuronFixture fx, double vReset, Object initV, int n) {
        NeuronGroup g = fx.group("g", n);
        fx.add(g, AELIF.TYPE, params(vReset, initV));
        fx.add(g, Fire.TYPE, p());
        fx.drive(g, 250, "I", false, new double[n]);
        return g;
    }

    @Test
    void subthresholdStepThenAdaptation() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = group(fx, 0.0, 0.5, 1);
        g.removeBehavior(250);
        fx.init();
        fx.set(g, "I", 2.0);
        assertArrayEquals(new double[] {0}, get(g, "omega"), "omega starts at 0");
        fx.step();
        assertEquals(0.0, get(g, "spikes")[0]);
        assertEquals(0.6774406, get(g, "v")[0], 1e-6);
        assertEquals(0.0135488, get(g, "omega")[0], 1e-7, "updated in Fire with v = 0.6774406");
    }

    @Test
    void omegaFeedsBackAsMinusROmega() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 1);
        Map<String, Object> m = params(0.0, 0.5);
        m.put("omega", 1.0);
        fx.add(g, AELIF.TYPE, m);
        fx.init();
        fx.set(g, "I", 2.0);
        fx.step();
        // R*I - R*omega = 1 instead of 2: v1 = 0.5 + (-0.2255942 + 1)/10
        assertEquals(0.5774406, get(g, "v")[0], 1e-6);
        assertEquals(1.0, get(g, "omega")[0], "no Fire, no adaptation");
    }

    @Test
    void spikeAddsBetaDtUsingThePostResetVoltage() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = group(fx, 0.0, List.of(1.0, 1.0), 2);
        fx.init();
        AELIF model = (AELIF) g.get("spiking_neuron");
        model.fire(g);
        assertArrayEquals(new double[] {1, 1}, get(g, "spikes"));
        assertArrayEquals(new double[] {0.2, 0.2}, get(g, "omega"), 1e-8, "beta*dt with v = v_rest");

        NeuronFixture fx2 = new NeuronFixture();
        NeuronGroup h = group(fx2, -0.5, 1.0, 1);
        fx2.init();
        ((AELIF) h.get("spiking_neuron")).fire(h);
        // post-reset v = -0.5: (0.1*(-0.5) - 0 + 0.2*5) / 5 = 0.19 (the pre-reset v would give 0.22)
        assertEquals(0.19, get(h, "omega")[0], 1e-7);
        assertEquals(-0.5, get(h, "v")[0]);
    }

    @Test
    void adaptationParametersAreGroupScalars() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = group(fx, 0.0, 0.0, 1);
        fx.init();
        assertEquals(0.1, g.scalar("alpha"));
        assertEquals(0.2, g.scalar("beta"));
        assertEquals(5.0, g.scalar("w_tau"));
    }

    @Test
    void nonPositiveAdaptationTimeConstantIsRejected() {
        Map<String, Object> bad = params(0.0, null);
        bad.put("w_tau", 0.0);
        ParameterException e = assertThrows(ParameterException.class, () -> AELIF.TYPE.create(bad));
        assertEquals("AELIF: parameter 'w_tau' expected a number > 0, found the number 0.0", e.getMessage());
    }
}
