package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.conex.api.behavior.ParameterException;
import org.conex.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** SimpleSTDP: spec section 8.1 test 32, float32 hard-bound comparison, event-driven = dense. */
class SimpleSTDPTest {
    private static final double EPS = 1e-15;

    /** s_pre=[1,0], s_post=[0,1], x_pre=[.9,.5], x_post=[.2,.9], a+=0.01, a-=0.002 (float64). */
    private static LearningFixture test32(double[][] w, String bound) {
        LearningFixture f = new LearningFixture(DType.FLOAT64, 2, 2).dense(w)
                .traces(new double[] {0.9, 0.5}, new double[] {0.2, 0.9})
                .spikes(new boolean[] {true, false}, new boolean[] {false, true});
        f.add(SimpleSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002, "positive_bound", bound, "negative_bound", bound);
        f.sim.step();
        return f;
    }

    private static double[] delta(double[][] before, double[] after) {
        double[] d = new double[after.length];
        for (int k = 0; k < after.length; k++) {
            d[k] = after[k] - before[k / 2][k % 2];
        }
        return d;
    }

    @Test
    void noBoundMatchesWorkedExample() {
        double[][] w = {{0.5, 0.5}, {0.5, 0.5}};
        assertArrayEquals(new double[] {-0.0004, 0.0072, 0, 0.005}, delta(w, test32(w, "no_bound").weights()), EPS);
    }

    @Test
    void softBoundScalesByDistanceToBothBounds() {
        double[][] w = {{0.5, 0.5}, {0.1, 0.9}};
        assertArrayEquals(new double[] {-0.0001, 0.0018, 0, 0.00045}, delta(w, test32(w, "soft_bound").weights()), EPS);
    }

    /**
     * The conventional soft bounds (ODD-11's option): potentiation by {@code w_max - w}, depression
     * by {@code w - w_min}; with w in [0, 1]: (0,0) -0.0004*0.5, (0,1) 0.009*0.5 - 0.0018*0.5,
     * (1,1) 0.005*(1 - 0.9). Outside the range the factor is 0, never negative.
     */
    @Test
    void oneSidedSoftBoundsScaleByTheDistanceToTheirOwnBound() {
        double[][] w = {{0.5, 0.5}, {0.1, 0.9}};
        LearningFixture f = new LearningFixture(DType.FLOAT64, 2, 2).dense(w)
                .traces(new double[] {0.9, 0.5}, new double[] {0.2, 0.9})
                .spikes(new boolean[] {true, false}, new boolean[] {false, true});
        f.add(SimpleSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002, "positive_bound", "soft_upper_bound",
                "negative_bound", "soft_lower_bound");
        f.sim.step();
        assertArrayEquals(new double[] {-0.0002, 0.0036, 0, 0.0005}, delta(w, f.weights()), EPS);

        double[][] outside = {{-0.5, 1.5}, {0, 0}};
        LearningFixture g = new LearningFixture(DType.FLOAT64, 2, 2).dense(outside)
                .traces(new double[] {0.9, 0.5}, new double[] {0.2, 0.9})
                .spikes(new boolean[] {true, false}, new boolean[] {false, true});
        g.add(SimpleSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002, "positive_bound", "soft_upper_bound",
                "negative_bound", "soft_lower_bound");
        g.sim.step();
        assertArrayEquals(new double[] {0, -0.0018 * 1.5, 0, 0.005}, delta(outside, g.weights()), EPS,
                "(0,0) below w_min is not depressed, (0,1) above w_max is not potentiated");
    }

    @Test
    void hardBoundFreezesWeightsOnABound() {
        double[][] w = {{0, 0.5}, {1, 0.9}};
        assertArrayEquals(new double[] {0, 0.0072, 0, 0.005}, delta(w, test32(w, "hard_bound").weights()), EPS);
    }

    @Test
    void hardBoundComparesWithFloat32Bound() {
        // A weight clipped to (float) 0.9 is not below w_max = 0.9 once the bound is rounded to float32.
        LearningFixture f = new LearningFixture(DType.FLOAT32, 1, 1).dense(new double[][] {{0.9}})
                .traces(new double[] {1}, new double[] {0}).spikes(new boolean[] {false}, new boolean[] {true});
        f.add(SimpleSTDP.TYPE, "a_plus", 0.5, "a_minus", 0.0, "w_min", 0.1, "w_max", 0.9,
                "positive_bound", "hard_bound");
        f.sim.step();
        assertEquals((float) 0.9, (float) f.weights()[0]);
    }

    @Test
    void eventDrivenEqualsDenseReferenceOnRandomNetwork() {
        Random rnd = new Random(42);
        int nSrc = 37;
        int nDst = 23;
        for (String[] bounds : new String[][] {{"no_bound", "no_bound"}, {"hard_bound", "soft_bound"},
                                               {"soft_bound", "hard_bound"},
                                               {"soft_upper_bound", "soft_lower_bound"}}) {
            float[] ref = new float[nSrc * nDst];
            double[][] w0 = new double[nSrc][nDst];
            for (int i = 0; i < nSrc; i++) {
                for (int j = 0; j < nDst; j++) {
                    w0[i][j] = rnd.nextFloat() * 1.2f - 0.1f;
                    ref[i * nDst + j] = (float) w0[i][j];
                }
            }
            LearningFixture f = new LearningFixture(DType.FLOAT32, nSrc, nDst).dense(w0);
            f.add(SimpleSTDP.TYPE, "a_plus", 0.021, "a_minus", 0.013, "w_min", 0.05, "w_max", 0.95,
                    "positive_bound", bounds[0], "negative_bound", bounds[1]);
            f.sim.initialize();
            for (int step = 0; step < 30; step++) {
                float[] xPre = randomTrace(rnd, nSrc);
                float[] xPost = randomTrace(rnd, nDst);
                boolean[] sPre = randomSpikes(rnd, nSrc, step % 5 == 0 ? 0 : 0.2);
                boolean[] sPost = randomSpikes(rnd, nDst, step % 7 == 0 ? 0 : 0.15);
                f.traces(toDouble(xPre), toDouble(xPost)).spikes(sPre, sPost);
                denseReference(ref, nDst, xPre, xPost, sPre, sPost, bounds, 0.021f, 0.013f, 0.05f, 0.95f);
                f.sim.step();
                double[] got = f.weights();
                for (int k = 0; k < ref.length; k++) {
                    assertEquals(ref[k], (float) got[k], 0f, "entry " + k + " at step " + step);
                }
            }
        }
    }

    /** The reference, written independently: {@code W += outer(x_pre, s_post)*a+*B+ - outer(s_pre, x_post)*a-*B-}. */
    private static void denseReference(float[] w, int nDst, float[] xPre, float[] xPost, boolean[] sPre,
                                       boolean[] sPost, String[] bounds, float ap, float am, float lo, float hi) {
        for (int i = 0; i < xPre.length; i++) {
            for (int j = 0; j < nDst; j++) {
                float wij = w[i * nDst + j];
                float plus = xPre[i] * (sPost[j] ? 1f : 0f) * ap * bound(bounds[0], wij, lo, hi);
                float minus = (sPre[i] ? 1f : 0f) * xPost[j] * am * bound(bounds[1], wij, lo, hi);
                w[i * nDst + j] = wij + (plus - minus);
            }
        }
    }

    private static float bound(String name, float w, float lo, float hi) {
        switch (name) {
            case "hard_bound": return w > lo && w < hi ? 1f : 0f;
            case "soft_bound": return (w - lo) * (hi - w);
            case "soft_upper_bound": return hi - w > 0f ? hi - w : 0f;
            case "soft_lower_bound": return w - lo > 0f ? w - lo : 0f;
            default: return 1f;
        }
    }

    static float[] randomTrace(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextFloat() * 3f;
        }
        return x;
    }

    static boolean[] randomSpikes(Random rnd, int n, double p) {
        boolean[] s = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = rnd.nextDouble() < p;
        }
        return s;
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void unknownBoundIsRejectedWithTheKnownNames() {
        ParameterException e = assertThrows(ParameterException.class, () -> SimpleSTDP.TYPE.create(
                LearningFixture.params("a_plus", 0.1, "a_minus", 0.1, "positive_bound", "clamp")));
        assertTrue(e.getMessage().startsWith("SimpleSTDP: parameter 'positive_bound'"), e.getMessage());
        assertTrue(e.getMessage().contains("[no_bound, hard_bound, soft_bound, soft_upper_bound, soft_lower_bound]"),
                e.getMessage());
    }

    @Test
    void amplitudesAreRequired() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> SimpleSTDP.TYPE.create(LearningFixture.params("a_plus", 0.1)));
        assertEquals("a_minus", e.parameter());
    }

    @Test
    void boundedRangeMustBeOrdered() {
        ParameterException e = assertThrows(ParameterException.class, () -> SimpleSTDP.TYPE.create(
                LearningFixture.params("a_plus", 0.1, "a_minus", 0.1, "w_min", 1.0, "w_max", 0.5,
                        "negative_bound", "soft_bound")));
        assertEquals("w_min", e.parameter());
    }

    @Test
    void missingTraceIsAClearInitializationError() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 2).dense(new double[2][2]);
        f.syn.remove("post_trace");
        f.add(SimpleSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.1);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(rootMessage(e).contains("SimpleSTDP on 's': needs the synapse variable 'post_trace' but it does not "
                + "exist; add a PostTrace behavior to synapse 's'"), rootMessage(e));
    }

    @Test
    void missingSpikeCatcherIsAClearInitializationError() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 2).dense(new double[2][2]);
        f.syn.remove("pre_spike");
        f.add(SimpleSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.1);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(rootMessage(e).contains("'pre_spike'") && rootMessage(e).contains("PreSpikeCatcher"), rootMessage(e));
    }

    @Test
    void wrongWeightShapeIsRejected() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 3).vector(1, 2, 3);
        f.add(SimpleSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.1);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(rootMessage(e).contains("'weights' must have shape [2, 3] [N_src, N_dst], found [3]"), rootMessage(e));
    }

    @Test
    void sparseWeightsPointToTheSparseRule() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 2).sparse(new double[][] {{1, 0}, {0, 1}});
        f.add(SimpleSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.1);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(rootMessage(e).contains("found SparseWeights"), rootMessage(e));
    }

    static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    @Test
    void isTaggedForTheGlobalFreeze() {
        assertTrue(SimpleSTDP.TYPE.tags().contains("weight_learning"));
        assertEquals(500, SimpleSTDP.TYPE.defaultPriority());
    }
}
