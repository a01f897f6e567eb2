package org.conex.behaviors.spatial;

import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.NeuronShape;
import org.junit.jupiter.api.Test;

/** Local2dRSTDP: the eligibility follows c + (-c/tau_c + dW_local) everywhere; W += c * dopamine. */
class Local2dRSTDPTest {
    @Test
    void eligibilityAndWeightsFollowTheDefinition() {
        SplittableRandom r = new SplittableRandom(4);
        NeuronShape src = shape(1, 4, 4);
        ConvGeometry g = new ConvGeometry(1, 4, 4, 3, 3, 1, 1, 1, 1);
        NeuronShape dst = g.outputShape(2);
        int n = 2 * g.locations() * g.patchSize();
        double[] w = LearningFixtures.weights(r, n);
        SpatialFixture f = LearningFixtures.local(src, dst, w, new int[] {2, 4, 4, 1, 3, 3}, new int[] {1, 1},
                new int[] {1, 1});
        f.net.put("dopamine_concentration", 0.5);
        Behavior<?> rule = f.add(Local2dRSTDP.TYPE, "a_plus", 0.04, "a_minus", 0.03, "tau_c", 4.0);
        f.initialize();
        double[] c = new double[n];
        for (int step = 0; step < 4; step++) {
            int[] sPre = LearningFixtures.bits(r, src.size(), 0.3);
            int[] sPost = LearningFixtures.bits(r, dst.size(), 0.3);
            double[] xPre = LearningFixtures.traces(r, src.size());
            double[] xPost = LearningFixtures.traces(r, dst.size());
            LearningFixtures.inputs(f, sPre, xPre, sPost, xPost);
            double[] before = f.values("weights");
            double[] dw = StdpReference.local(g, 2, before, LearningFixtures.toDoubles(sPre), xPre,
                    LearningFixtures.toDoubles(sPost), xPost, 0.04, 0.03, false);
            f.forward(rule);
            double[] after = f.values("weights");
            double[] got = f.values("c");
            for (int i = 0; i < n; i++) {
                c[i] = c[i] + (-c[i] / 4 + dw[i]);
                assertEquals(c[i], got[i], 1e-6, "c " + i + " step " + step);
                assertEquals(before[i] + c[i] * 0.5, after[i], 1e-6, "weight " + i + " step " + step);
            }
        }
    }

    @Test
    void zeroDopamineKeepsTheWeights() {
        SpatialFixture f = LearningFixtures.local(shape(1, 3, 3), shape(1, 2, 2), new double[16],
                new int[] {1, 2, 2, 1, 2, 2}, new int[] {1, 1}, new int[] {0, 0});
        f.net.put("dopamine_concentration", 0.0);
        Behavior<?> rule = f.add(Local2dRSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0, "tau_c", 2.0);
        f.initialize();
        LearningFixtures.inputs(f, LearningFixtures.B9_PRE, LearningFixtures.B9_PRE_TRACE, LearningFixtures.B9_POST,
                LearningFixtures.B9_POST_TRACE);
        f.forward(rule);
        assertArrayEquals(new double[16], f.values("weights"));
        assertEquals((float) 0.9 - 0.5, f.values("c")[0], 1e-7);
    }
}
