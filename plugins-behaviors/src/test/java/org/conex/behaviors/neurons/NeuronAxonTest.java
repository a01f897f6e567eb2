package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.AxonHistory;
import org.junit.jupiter.api.Test;

/** NeuronAxon: spec 3.6 and 8.1 test 9. */
class NeuronAxonTest {
    private static NeuronGroup pushing(NeuronFixture fx, String tag, int maxDelay, double[]... rows) {
        NeuronGroup g = fx.group(tag, rows[0].length);
        fx.drive(g, 340, "spikes", true, rows);
        fx.add(g, NeuronAxon.TYPE, p("max_delay", maxDelay));
        return g;
    }

    @Test
    void delaysReadSpikesOfEarlierSteps() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = pushing(fx, "g", 3, new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1});
        fx.init();
        AxonHistory axon = g.attr("axon", AxonHistory.class);
        assertEquals(3, axon.maxDelay());
        assertEquals(2, axon.size());
        assertFalse(axon.spiked(0, 0), "starts all false");
        assertFalse(axon.spiked(2, 1));
        fx.steps(3);
        assertTrue(axon.spiked(0, 0), "neuron 0 at step 3");
        assertFalse(axon.spiked(2, 1), "neuron 1 at step 1");
        boolean[][] expected = {{true, true}, {false, true}, {true, false}};
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(expected[d][i], axon.spiked(d, i), "delay " + d + ", neuron " + i);
            }
        }
        fx.step();
        assertTrue(axon.spiked(0, 0), "step 4 repeats row [1, 0]");
        assertFalse(axon.spiked(0, 1));
        assertTrue(axon.spiked(1, 1), "step 3 moved to delay 1");
        assertFalse(axon.spiked(2, 0), "step 2 moved to delay 2; step 1 fell off");
    }

    @Test
    void aDelayOutsideTheHistoryIsRejected() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = pushing(fx, "g", 3, new double[] {1, 0});
        fx.init();
        AxonHistory axon = g.attr("axon", AxonHistory.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> axon.spiked(3, 0));
        assertEquals("delay 3 is outside the spike history of 'g' (NeuronAxon max_delay = 3, valid delays 0..2)",
                e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> axon.spiked(0, 2));
    }

    @Test
    void eachGroupOwnsItsHistory() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup a = pushing(fx, "a", 2, new double[] {1});
        NeuronGroup b = pushing(fx, "b", 2, new double[] {0});
        fx.init();
        AxonHistory ha = a.attr("axon", AxonHistory.class);
        AxonHistory hb = b.attr("axon", AxonHistory.class);
        assertNotSame(ha, hb);
        fx.steps(2);
        assertSame(ha, a.get("axon"), "one history object for the group's lifetime");
        assertTrue(ha.spiked(1, 0));
        assertFalse(hb.spiked(1, 0));
    }

    @Test
    void singleRowHistoryHoldsThisStepOnly() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = pushing(fx, "g", 1, new double[] {1, 0}, new double[] {0, 1});
        fx.init();
        AxonHistory axon = g.attr("axon", AxonHistory.class);
        fx.step();
        assertTrue(axon.spiked(0, 0));
        fx.step();
        assertFalse(axon.spiked(0, 0));
        assertTrue(axon.spiked(0, 1));
    }

    @Test
    void maxDelayBelowOneIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> NeuronAxon.TYPE.create(
                p("max_delay", 0)));
        assertEquals("NeuronAxon: parameter 'max_delay' expected an integer >= 1, found the number 0",
                e.getMessage());
    }
}
