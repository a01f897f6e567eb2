package org.conex.behaviors.spatial;

import static org.conex.behaviors.spatial.LearningFixtures.B9_POST;
import static org.conex.behaviors.spatial.LearningFixtures.B9_POST_TRACE;
import static org.conex.behaviors.spatial.LearningFixtures.B9_PRE;
import static org.conex.behaviors.spatial.LearningFixtures.B9_PRE_TRACE;
import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.NeuronShape;
import org.junit.jupiter.api.Test;

/**
 * Spec section 8.1 test 36: the intended Local2dSTDP, its relation to Conv2dSTDP, the BUG-11 fix
 * (potentiation from post_spike, not pre_spike) and the event-driven update against the definition.
 */
class Local2dSTDPTest {
    private static final int[] ONE = {1, 1};
    private static final int[] ZERO = {0, 0};
    private static final int[] KERNEL = {1, 2, 2, 1, 2, 2};

    private static SpatialFixture b9Local(Object... params) {
        SpatialFixture f = LearningFixtures.local(shape(1, 3, 3), shape(1, 2, 2), new double[16], KERNEL, ONE, ZERO);
        f.add(Local2dSTDP.TYPE, params);
        return f;
    }

    @Test
    void summedOverLocationsAndDividedByLItEqualsConv2dSTDP() {
        // source 9 neurons, destination 4: the reference's Local2dSTDP crashes here (N_src != N_dst)
        SpatialFixture f = b9Local("a_plus", 1.0, "a_minus", 1.0);
        f.initialize();
        LearningFixtures.inputs(f, B9_PRE, B9_PRE_TRACE, B9_POST, B9_POST_TRACE);
        f.forward(f.syn.behavior("Local2dSTDP"));
        double[] dw = f.values("weights");
        double[] conv = new double[4];
        for (int l = 0; l < 4; l++) {
            for (int k = 0; k < 4; k++) {
                conv[k] += dw[l * 4 + k] / 4;
            }
        }
        assertArrayEquals(new double[] {0.0375, 0, 0, 0.1}, conv, 1e-7);
        // location 0 (the only post spike): +0.9 per pre trace, -0.5 where a pre spike sits
        assertArrayEquals(new double[] {(float) 0.9 - 0.5, 0, 0, (float) 0.9 - 0.5}, java.util.Arrays.copyOf(dw, 4),
                1e-7);
    }

    @Test
    void bug11PotentiationFollowsPostSpikesNotPreSpikes() {
        // identical shapes 1x2x2 (the only case the reference runs), 3x3 fields with padding 1, and
        // different trains
        SpatialFixture f = LearningFixtures.local(shape(1, 2, 2), shape(1, 2, 2), new double[36],
                new int[] {1, 2, 2, 1, 3, 3}, ONE, ONE);
        f.add(Local2dSTDP.TYPE, "a_plus", 0.5, "a_minus", 0.25);
        f.initialize();
        double[] ones = {1, 1, 1, 1};
        // the pre neuron (1,1) spikes; post neurons are silent with zero traces
        LearningFixtures.inputs(f, new int[] {0, 0, 0, 1}, ones, new int[4], new double[4]);
        f.forward(f.syn.behavior("Local2dSTDP"));
        // intended: no post spike and no post trace, so no change at all. The reference reads
        // pre_spike as post_spike and would potentiate every field of output neuron 3 by 0.5 per
        // unit of pre trace
        assertArrayEquals(new double[36], f.values("weights"));

        // post neuron 0 spikes while no pre neuron does: the field of output (0,0) is potentiated by
        // its pre traces (real neurons at k = 4, 5, 7, 8; the rest is padding). The reference reads
        // pre_spike (all silent) and would change nothing
        LearningFixtures.inputs(f, new int[4], ones, new int[] {1, 0, 0, 0}, new double[4]);
        f.forward(f.syn.behavior("Local2dSTDP"));
        double[] w = f.values("weights");
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.5, 0.5, 0, 0.5, 0.5}, java.util.Arrays.copyOf(w, 9));
        assertArrayEquals(new double[27], java.util.Arrays.copyOfRange(w, 9, 36));
    }

    @Test
    void eventDrivenUpdateMatchesTheDefinitionWithBounds() {
        SplittableRandom r = new SplittableRandom(9);
        NeuronShape src = shape(2, 5, 6);
        ConvGeometry g = new ConvGeometry(2, 5, 6, 3, 3, 1, 2, 1, 0);
        NeuronShape dst = g.outputShape(2);
        int n = 2 * g.locations() * g.patchSize();
        double[] w = LearningFixtures.weights(r, n);
        SpatialFixture f = LearningFixtures.local(src, dst, w, new int[] {2, g.outHeight(), g.outWidth(), 2, 3, 3},
                new int[] {1, 2}, new int[] {1, 0});
        Behavior<?> rule = f.add(Local2dSTDP.TYPE, "a_plus", 0.04, "a_minus", 0.03,
                "positive_bound", "soft_bound", "negative_bound", "soft_bound");
        f.initialize();
        for (int step = 0; step < 3; step++) {
            int[] sPre = LearningFixtures.bits(r, src.size(), 0.3);
            int[] sPost = LearningFixtures.bits(r, dst.size(), 0.3);
            double[] xPre = LearningFixtures.traces(r, src.size());
            double[] xPost = LearningFixtures.traces(r, dst.size());
            LearningFixtures.inputs(f, sPre, xPre, sPost, xPost);
            double[] before = f.values("weights");
            double[] dw = StdpReference.local(g, 2, before, LearningFixtures.toDoubles(sPre), xPre,
                    LearningFixtures.toDoubles(sPost), xPost, 0.04, 0.03, true);
            f.forward(rule);
            double[] after = f.values("weights");
            for (int i = 0; i < n; i++) {
                assertEquals(before[i] + dw[i], after[i], 2e-7, "weight " + i + " step " + step);
            }
        }
    }

    @Test
    void missingLocalInputIsRejected() {
        SpatialFixture f = LearningFixtures.synapse(shape(1, 3, 3), shape(1, 2, 2)).localWeights(new double[16], KERNEL);
        f.add(Local2dSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0);
        assertEquals("Local2dSTDP on 's': needs synapse.stride and synapse.padding, which a Local2dDendriticInput on the "
                + "same synapse sets at initialization (priority 180); none was found", f.assertInitFails());
    }
}
