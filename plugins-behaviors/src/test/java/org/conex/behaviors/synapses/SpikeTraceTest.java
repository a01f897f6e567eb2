package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spec section 8 test 24 and Appendix B.2; float32 expectations are computed in float. */
class SpikeTraceTest {
    private static float step(float x, boolean spike, float scale, float tau, float dt) {
        float v = spike ? x + scale : x;
        return v - (v / tau) * dt;
    }

    @Test
    void singleSpikeDecays() {
        SynapseFixture f = new SynapseFixture(1, 1);
        f.add(PreTrace.TYPE, params("tau_s", 10.0));
        f.putBools("pre_spike", true);
        f.initialize();
        double[] expected = {0.9, 0.81, 0.729, 0.6561, 0.59049};
        float x = 0;
        for (int t = 0; t < expected.length; t++) {
            f.step();
            x = step(x, t == 0, 1f, 10f, 1f);
            assertEquals(x, f.values("pre_trace")[0], 0.0, "float32 value at step " + (t + 1));
            assertEquals(expected[t], x, 1e-6);
            f.putBools("pre_spike", false);
        }
    }

    @Test
    void spikingEveryStepConvergesToScaleTimesTauOverDtMinusOne() {
        SynapseFixture f = new SynapseFixture(1, 2);
        f.add(PostTrace.TYPE, params("tau_s", 10.0, "spike_scale", 2.0));
        f.putBools("post_spike", true, false);
        f.initialize();
        for (int t = 0; t < 400; t++) {
            f.step();
        }
        assertEquals(18.0, f.values("post_trace")[0], 1e-4);
        assertEquals(0.0, f.values("post_trace")[1], 0.0);
    }

    @Test
    void dtScalesTheDecay() {
        SynapseFixture f = new SynapseFixture(1, 1);
        f.net.put("dt", 0.25);
        f.add(PreTrace.TYPE, params("tau_s", 2.0, "spike_scale", 1.5));
        f.putBools("pre_spike", true);
        f.initialize();
        f.step();
        assertEquals(1.5 * (1 - 0.25 / 2), f.values("pre_trace")[0], 0.0);
    }

    @Test
    void tauNotAboveDtRejected() {
        SynapseFixture f = new SynapseFixture(1, 1);
        f.add(PreTrace.TYPE, params("tau_s", 1.0));
        f.assertInitFails("PreTrace on 's'", "'tau_s' = 1.0 ms must be greater than dt = 1.0 ms");
    }

    @Test
    void missingSpikesNameTheCatcher() {
        SynapseFixture f = new SynapseFixture(1, 1);
        f.add(PostTrace.TYPE, params("tau_s", 4.0));
        f.initialize();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, f::step);
        SynapseFixture.assertMessage(e, "needs 'post_spike'", "PostSpikeCatcher");
    }
}
