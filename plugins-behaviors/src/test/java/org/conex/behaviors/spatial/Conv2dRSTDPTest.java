package org.conex.behaviors.spatial;

import static org.conex.behaviors.spatial.LearningFixtures.B9_POST;
import static org.conex.behaviors.spatial.LearningFixtures.B9_POST_TRACE;
import static org.conex.behaviors.spatial.LearningFixtures.B9_PRE;
import static org.conex.behaviors.spatial.LearningFixtures.B9_PRE_TRACE;
import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conex.api.behavior.Behavior;
import org.junit.jupiter.api.Test;

/** Spec section 8.1 test 37 for the convolutional variant: c = dw, 1.5 dw, 1.75 dw with tau_c 2. */
class Conv2dRSTDPTest {
    private static SpatialFixture fixture(double dopamine) {
        SpatialFixture f = LearningFixtures.conv(shape(1, 3, 3), shape(1, 2, 2), new double[4], new int[] {1, 1, 2, 2},
                new int[] {1, 1}, new int[] {0, 0});
        f.net.put("dopamine_concentration", dopamine);
        return f;
    }

    @Test
    void eligibilityAccumulatesTheAveragedConvIncrement() {
        SpatialFixture f = fixture(1.0);
        Behavior<?> rule = f.add(Conv2dRSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0, "tau_c", 2.0);
        f.initialize();
        assertArrayEquals(new long[] {1, 1, 2, 2}, f.syn.array("c").shape());
        LearningFixtures.inputs(f, B9_PRE, B9_PRE_TRACE, B9_POST, B9_POST_TRACE);
        // dW (Appendix B.9) = [0.0375, 0, 0, 0.1] every step; c_t = c + (-c/2 + dW); W += c * 1
        double[] expectedC = {0.1, 0.15, 0.175};
        double w = 0;
        for (double c : expectedC) {
            f.forward(rule);
            w += c;
            assertEquals(c, f.values("c")[3], 1e-7);
            assertEquals(w, f.values("weights")[3], 1e-6);
            assertEquals(c * 0.375, f.values("c")[0], 1e-7);
        }
    }

    @Test
    void zeroDopamineKeepsTheWeightsWhileTheEligibilityEvolves() {
        SpatialFixture f = fixture(0.0);
        Behavior<?> rule = f.add(Conv2dRSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0, "tau_c", 2.0);
        f.initialize();
        LearningFixtures.inputs(f, B9_PRE, B9_PRE_TRACE, B9_POST, B9_POST_TRACE);
        f.forward(rule);
        f.forward(rule);
        assertArrayEquals(new double[4], f.values("weights"));
        assertEquals(0.15, f.values("c")[3], 1e-7);
    }

    @Test
    void aDopamineBehaviorIsRequired() {
        SpatialFixture f = LearningFixtures.conv(shape(1, 3, 3), shape(1, 2, 2), new double[4], new int[] {1, 1, 2, 2},
                new int[] {1, 1}, new int[] {0, 0});
        f.add(Conv2dRSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0, "tau_c", 2.0);
        f.assertInitFails("Conv2dRSTDP on 's': needs network.dopamine_concentration; add a Dopamine behavior");
    }
}
