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

/** ELIF: spec 8.1 test 5 and Appendix B.3. */
class ELIFTest {
    static Map<String, Object> elifParams(Object initV) {
        return p("R", 1.0, "tau", 10.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0, "delta", 0.5,
                "theta_rh", 0.8, "init_v", initV);
    }

    @Test
    void worksTheAppendixNumbers() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 2);
        fx.add(g, ELIF.TYPE, elifParams(List.of(0.5, 0.95)));
        fx.add(g, Fire.TYPE, p());
        fx.drive(g, 250, "I", false, new double[] {2, 2});
        fx.init();
        assertArrayEquals(new double[] {0.5, 0.5}, get(g, "delta"));
        assertArrayEquals(new double[] {0.8, 0.8}, get(g, "theta_rh"), 1e-7);
        // integrate only: Fire would reset neuron 1
        g.behaviors().get(340.0).setEnabled(false);
        fx.step();
        assertEquals(0.6774406, get(g, "v")[0], 1e-6, "from 0.5: F = -0.2255942");
        assertEquals(1.1224929, get(g, "v")[1], 1e-6, "from 0.95");
        float v = 0.5f;
        float boost = 0.5f * (float) Math.exp((float) ((v - 0.8f) / 0.5f));
        float expected = v + ((0f - v) + boost + 1f * 2f) * 1f / 10f;
        assertEquals(expected, get(g, "v")[0], 0.0, "float32 operation order");
    }

    @Test
    void fireSpikesAndResetsTheNeuronAboveThreshold() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 2);
        fx.add(g, ELIF.TYPE, elifParams(List.of(0.5, 0.95)));
        fx.add(g, Fire.TYPE, p());
        fx.drive(g, 250, "I", false, new double[] {2, 2});
        fx.init();
        fx.step();
        assertArrayEquals(new double[] {0, 1}, get(g, "spikes"));
        assertEquals(0.0, get(g, "v")[1]);
        assertEquals(0.6774406, get(g, "v")[0], 1e-6);
    }

    @Test
    void nonPositiveDeltaIsRejected() {
        Map<String, Object> bad = elifParams(null);
        bad.put("delta", 0.0);
        ParameterException e = assertThrows(ParameterException.class, () -> ELIF.TYPE.create(bad));
        assertEquals("ELIF: parameter 'delta' expected a number or a list of numbers > 0, found the number 0.0",
                e.getMessage());
        bad.put("delta", List.of(0.5, -1.0));
        e = assertThrows(ParameterException.class, () -> ELIF.TYPE.create(bad));
        assertEquals("ELIF: parameter 'delta' expected a number or a list of numbers > 0 for every element, found "
                + "-1.0 at element 1", e.getMessage());
    }
}
