package org.conex.behaviors.spatial;

import static org.conex.behaviors.spatial.LearningFixtures.B9_POST;
import static org.conex.behaviors.spatial.LearningFixtures.B9_POST_TRACE;
import static org.conex.behaviors.spatial.LearningFixtures.B9_PRE;
import static org.conex.behaviors.spatial.LearningFixtures.B9_PRE_TRACE;
import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.conex.api.model.NeuronShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Spec section 8.1 test 35 / Appendix B.9, both kernel paths against the definition, bounds, errors. */
class Conv2dSTDPTest {
    private static final int[] ONE = {1, 1};
    private static final int[] ZERO = {0, 0};

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void appendixB9(KernelPath path) {
        SpatialFixture f = LearningFixtures.conv(shape(1, 3, 3), shape(1, 2, 2), new double[4], new int[] {1, 1, 2, 2},
                ONE, ZERO);
        Conv2dSTDP rule = (Conv2dSTDP) f.add(Conv2dSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0);
        f.initialize();
        rule.sums().path(path);
        LearningFixtures.inputs(f, B9_PRE, B9_PRE_TRACE, B9_POST, B9_POST_TRACE);
        f.forward(rule);
        // dW- = [[0.75,0],[0,0.5]], dW+ = [[0.9,0],[0,0.9]], divided by H_out*W_out = 4
        assertArrayEquals(new double[] {0.75, 0, 0, 0.5}, rule.sums().minus());
        assertArrayEquals(new double[] {(float) 0.9, 0, 0, (float) 0.9}, rule.sums().plus());
        assertArrayEquals(new double[] {0.0375, 0, 0, 0.1}, f.values("weights"), 1e-7);
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void matchesTheDefinitionWithSoftBoundsStridePaddingAndChannels(KernelPath path) {
        SplittableRandom r = new SplittableRandom(5);
        NeuronShape src = shape(2, 7, 6);
        ConvGeometry g = new ConvGeometry(2, 7, 6, 3, 2, 2, 1, 1, 1);
        NeuronShape dst = g.outputShape(3);
        double[] w = LearningFixtures.weights(r, 3 * g.patchSize());
        SpatialFixture f = LearningFixtures.conv(src, dst, w, new int[] {3, 2, 3, 2}, new int[] {2, 1}, ONE);
        Conv2dSTDP rule = (Conv2dSTDP) f.add(Conv2dSTDP.TYPE, "a_plus", 0.05, "a_minus", 0.03,
                "positive_bound", "soft_bound", "negative_bound", "soft_bound");
        f.initialize();
        rule.sums().path(path);
        for (int step = 0; step < 3; step++) {
            int[] sPre = LearningFixtures.bits(r, src.size(), 0.4);
            int[] sPost = LearningFixtures.bits(r, dst.size(), 0.4);
            double[] xPre = LearningFixtures.traces(r, src.size());
            double[] xPost = LearningFixtures.traces(r, dst.size());
            LearningFixtures.inputs(f, sPre, xPre, sPost, xPost);
            double[] before = f.values("weights");
            double[] dw = StdpReference.conv(g, 3, before, LearningFixtures.toDoubles(sPre), xPre,
                    LearningFixtures.toDoubles(sPost), xPost, 0.05, 0.03, true);
            f.forward(rule);
            double[] after = f.values("weights");
            for (int i = 0; i < dw.length; i++) {
                // float32 sums of <= 21 terms of size <= 2: rounding differences stay below 1e-6
                assertEquals(before[i] + dw[i], after[i], 1e-6, "weight " + i + " step " + step);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void hardBoundFreezesWeightsOnTheBounds(KernelPath path) {
        SpatialFixture f = LearningFixtures.conv(shape(1, 3, 3), shape(1, 2, 2), new double[] {0, 0.5, 1, 0.5},
                new int[] {1, 1, 2, 2}, ONE, ZERO);
        Conv2dSTDP rule = (Conv2dSTDP) f.add(Conv2dSTDP.TYPE, "a_plus", 1.0, "a_minus", 0.0,
                "positive_bound", "hard_bound");
        f.initialize();
        rule.sums().path(path);
        // every pre neuron has trace 1 and every post neuron spiked: plus = 4 for each weight
        LearningFixtures.inputs(f, new int[9], new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, new int[] {1, 1, 1, 1},
                new double[4]);
        f.forward(rule);
        assertArrayEquals(new double[] {0, 1.5, 1, 1.5}, f.values("weights"));
    }

    @org.junit.jupiter.api.Test
    void withoutAConv2dInputTheRuleCannotFindStrideAndPadding() {
        SpatialFixture f = LearningFixtures.synapse(shape(1, 3, 3), shape(1, 2, 2)).weights(new double[4], 1, 1, 2, 2);
        f.add(Conv2dSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0);
        assertEquals("Conv2dSTDP on 's': needs synapse.stride and synapse.padding, which a Conv2dDendriticInput on the "
                + "same synapse sets at initialization (priority 180); none was found", f.assertInitFails());
    }

    @org.junit.jupiter.api.Test
    void localWeightsAreRejected() {
        SpatialFixture f = LearningFixtures.local(shape(1, 3, 3), shape(1, 2, 2), new double[16],
                new int[] {1, 2, 2, 1, 2, 2}, ONE, ZERO);
        f.add(Conv2dSTDP.TYPE, "a_plus", 1.0, "a_minus", 1.0);
        f.assertInitFails("Conv2dSTDP on 's': needs 4-D floating weights [C_out, C_in, kh, kw], found FLOAT [1, 4, 4]");
    }
}
