package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** SensorySetter / LocationSetter: spec 3.12, 8.1 test 15, BUG-7. */
class InputLayerSetterTest {
    private final NeuronFixture fx = new NeuronFixture();
    /** Stands in for the InputLayer: any network object holding x / loc. */
    private final NeuronGroup layer = fx.group("layer", 1);
    private final NeuronGroup pop = fx.group("pop", 3);

    @Test
    void sensorySpikesCopyTheLayerFrame() {
        pop.put("layer", layer);
        fx.add(pop, SensorySetter.TYPE, p());
        fx.init();
        assertArrayEquals(new double[] {0, 0, 0}, get(pop, "spikes"), "all false at initialization");
        assertTrue(NeuronFixture.isBool(pop, "spikes"));
        fx.setBools(layer, "x", 1, 0, 1);
        fx.step();
        assertArrayEquals(new double[] {1, 0, 1}, get(pop, "spikes"));
        layer.put("x", null);
        fx.step();
        assertArrayEquals(new double[] {0, 0, 0}, get(pop, "spikes"), "unset frame: no spikes");
    }

    @Test
    void locationSpikesCopyLocAndConvertNumbersToBooleans() {
        pop.put("parent_structure", layer);
        fx.add(pop, LocationSetter.TYPE, p());
        fx.init();
        fx.step();
        assertArrayEquals(new double[] {0, 0, 0}, get(pop, "spikes"), "no loc yet");
        fx.set(layer, "loc", 0.0, 2.5, -1.0);
        fx.step();
        assertArrayEquals(new double[] {0, 1, 1}, get(pop, "spikes"));
    }

    @Test
    void aFrameOfTheWrongLengthIsRejected() {
        pop.put("layer", layer);
        fx.add(pop, SensorySetter.TYPE, p());
        fx.init();
        fx.setBools(layer, "x", 1, 0);
        ConexException e = assertThrows(ConexException.class, fx::step);
        assertTrue(e.getMessage().endsWith("SensorySetter on 'pop': 'layer'.x has 2 values, the group has 3 neurons"),
                e.getMessage());
    }

    @Test
    void aGroupOutsideAnInputLayerIsRejectedAtInitialization() {
        fx.add(pop, SensorySetter.TYPE, p());
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("SensorySetter on 'pop': needs the input layer that contains this group "
                + "(group variable 'layer' or 'parent_structure'), found none; create the population through an "
                + "InputLayer"), e.getMessage());
    }
}
