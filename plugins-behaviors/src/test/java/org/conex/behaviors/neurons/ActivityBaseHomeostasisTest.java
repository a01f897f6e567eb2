package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** ActivityBaseHomeostasis: spec 3.11 and 8.1 test 14. */
class ActivityBaseHomeostasisTest {
    @Test
    void thresholdFollowsTheSpikeCountPerWindow() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 3);
        // neuron 0 spikes 5 times per 10 steps, neuron 1 twice (the target), neuron 2 never
        double[][] rows = new double[10][];
        for (int t = 0; t < 10; t++) {
            rows[t] = new double[] {t % 2, t == 3 || t == 7 ? 1 : 0, 0};
        }
        fx.drive(g, 340, "spikes", true, rows);
        ActivityBaseHomeostasis h = fx.add(g, ActivityBaseHomeostasis.TYPE,
                p("activity_rate", 2, "window_size", 10, "updating_rate", 0.1, "decay_rate", 0.5));
        fx.set(g, "threshold", 1, 1, 1);
        fx.init();
        fx.steps(9);
        assertArrayEquals(new double[] {1, 1, 1}, get(g, "threshold"), "no update before t = window_size");
        assertArrayEquals(new double[] {4 - 5 * 0.25, 2 - 7 * 0.25, -9 * 0.25}, get(g, "activities"));
        fx.step();
        // activities 5 - 5*0.25 = 3.75, 2 - 8*0.25 = 0, -10*0.25 = -2.5, times 0.1
        assertArrayEquals(new double[] {1.375, 1, 0.75}, get(g, "threshold"), 1e-7);
        assertArrayEquals(new double[] {0, 0, 0}, get(g, "activities"));
        assertEquals(0.05, h.updatingRate(), 1e-15, "decayed for the next window");
        fx.steps(10);
        assertArrayEquals(new double[] {1.5625, 1, 0.625}, get(g, "threshold"), 1e-7);
    }

    @Test
    void rateMustStayBelowTheWindow() {
        ParameterException e = assertThrows(ParameterException.class, () -> ActivityBaseHomeostasis.TYPE.create(
                p("activity_rate", 10, "window_size", 10, "updating_rate", 0.1)));
        assertEquals("ActivityBaseHomeostasis: parameter 'activity_rate' expected smaller than window_size = 10 "
                + "(spikes per window), found the number 10.0", e.getMessage());
        e = assertThrows(ParameterException.class, () -> ActivityBaseHomeostasis.TYPE.create(
                p("activity_rate", -1, "window_size", 10, "updating_rate", 0.1)));
        assertEquals("ActivityBaseHomeostasis: parameter 'activity_rate' expected a number >= 0, found the number "
                + "-1.0", e.getMessage());
        e = assertThrows(ParameterException.class, () -> ActivityBaseHomeostasis.TYPE.create(
                p("activity_rate", 0, "window_size", 0, "updating_rate", 0.1)));
        assertEquals("ActivityBaseHomeostasis: parameter 'window_size' expected an integer >= 1, found the number 0",
                e.getMessage());
    }
}
