package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** VoltageBaseHomeostasis: spec 3.10, 8.1 test 13, BUG-6. */
class VoltageBaseHomeostasisTest {
    private final NeuronFixture fx = new NeuronFixture();

    private NeuronGroup group(Map<String, Object> params, double... v) {
        NeuronGroup g = fx.group("g", v.length);
        fx.add(g, VoltageBaseHomeostasis.TYPE, params);
        fx.init();
        fx.set(g, "v", v);
        return g;
    }

    @Test
    void exhaustionIntegratesTheExcessAndKeepsBeingSubtracted() {
        NeuronGroup g = group(p("target_voltage", 0.5), 0.8);
        assertArrayEquals(new double[] {0}, get(g, "exhaustion"));
        fx.step();
        assertEquals(0.0003, get(g, "exhaustion")[0], 1e-9);
        assertEquals(0.7997, get(g, "v")[0], 1e-7);
        fx.set(g, "v", 0.7997);
        fx.step();
        assertEquals(0.0005997, get(g, "exhaustion")[0], 1e-9, "adds 0.0002997");
        assertEquals(0.7997 - 0.0005997, get(g, "v")[0], 1e-7);
        fx.set(g, "v", 0.5);
        fx.step();
        assertEquals(0.0005997, get(g, "exhaustion")[0], 1e-9, "at the target nothing accumulates");
        assertEquals(0.5 - 0.0005997, get(g, "v")[0], 1e-7, "but the offset is still subtracted");
    }

    @Test
    void belowTheLowerLevelRaisesVoltage() {
        NeuronGroup g = group(p("min_ta", 0.25, "max_ta", 0.75, "eta_ip", 0.5), 0.0, 0.5, 1.0);
        fx.step();
        assertArrayEquals(new double[] {-0.125, 0, 0.125}, get(g, "exhaustion"));
        assertArrayEquals(new double[] {0.125, 0.5, 0.875}, get(g, "v"));
    }

    @Test
    void aSingleLevelRegulatesOneSideOnly() {
        NeuronGroup g = group(p("max_ta", 0.5, "eta_ip", 0.5), 0.0, 1.0);
        fx.step();
        assertArrayEquals(new double[] {0, 0.25}, get(g, "exhaustion"));
    }

    @Test
    void comparisonsAreStrict() {
        NeuronGroup g = group(p("target_voltage", 0.5), 0.5);
        fx.step();
        assertArrayEquals(new double[] {0}, get(g, "exhaustion"));
    }

    @Test
    void aLevelIsRequired() {
        ParameterException e = assertThrows(ParameterException.class, () -> VoltageBaseHomeostasis.TYPE.create(
                p("eta_ip", 0.01)));
        assertEquals("VoltageBaseHomeostasis: parameter 'target_voltage' is required unless max_ta or min_ta is "
                + "given (no voltage level to regulate to)", e.getMessage());
    }

    @Test
    void minAboveMaxIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> VoltageBaseHomeostasis.TYPE.create(
                p("min_ta", 1.0, "max_ta", 0.5)));
        assertEquals("VoltageBaseHomeostasis: parameter 'min_ta' expected at most max_ta = 0.5, found the number 1.0",
                e.getMessage());
    }

    @Test
    void negativeRateIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> VoltageBaseHomeostasis.TYPE.create(
                p("target_voltage", 1.0, "eta_ip", -0.1)));
        assertEquals("VoltageBaseHomeostasis: parameter 'eta_ip' expected a number >= 0, found the number -0.1",
                e.getMessage());
    }
}
