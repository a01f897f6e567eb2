package org.conex.behaviors.spatial;

import java.util.List;
import java.util.SplittableRandom;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.NeuronShape;
import org.conex.behaviors.dendrites.Conv2dDendriticInput;
import org.conex.behaviors.dendrites.Local2dDendriticInput;

/**
 * Builds a synapse for a spatial learning rule whose inputs (pre/post spikes and traces) are set
 * by the test: the variables are created before initialization, so no catchers or traces are
 * needed, and the rule's forward is called directly.
 */
final class LearningFixtures {
    private LearningFixtures() {
    }

    /** Spec Appendix B.9 inputs on a 1x3x3 source and 1x2x2 destination. */
    static final int[] B9_PRE = {1, 0, 1, 0, 1, 0, 1, 0, 0};
    static final double[] B9_PRE_TRACE = {0.9, 0, 0.9, 0, 0.9, 0, 0.9, 0, 0};
    static final int[] B9_POST = {1, 0, 0, 0};
    static final double[] B9_POST_TRACE = {0.5, 0, 0, 0.25};

    /** A synapse with inputs zeroed, explicit weights and the given input behavior. */
    static SpatialFixture synapse(NeuronShape src, NeuronShape dst) {
        SpatialFixture f = new SpatialFixture(src, dst);
        f.putSpikes("pre_spike", new int[src.size()]);
        f.putSpikes("post_spike", new int[dst.size()]);
        f.putFloats("pre_trace", new double[src.size()]);
        f.putFloats("post_trace", new double[dst.size()]);
        return f;
    }

    static SpatialFixture conv(NeuronShape src, NeuronShape dst, double[] w, int[] wShape, int[] stride, int[] padding) {
        SpatialFixture f = synapse(src, dst).weights(w, wShape);
        f.add(Conv2dDendriticInput.TYPE, "stride", list(stride), "padding", list(padding));
        return f;
    }

    static SpatialFixture local(NeuronShape src, NeuronShape dst, double[] w, int[] kernel, int[] stride, int[] padding) {
        SpatialFixture f = synapse(src, dst).localWeights(w, kernel);
        f.add(Local2dDendriticInput.TYPE, "stride", list(stride), "padding", list(padding));
        return f;
    }

    static List<Integer> list(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    static Behavior<?> rule(SpatialFixture f, BehaviorType type, Object... params) {
        return f.add(type, params);
    }

    /** Sets the four inputs. */
    static void inputs(SpatialFixture f, int[] sPre, double[] xPre, int[] sPost, double[] xPost) {
        f.putSpikes("pre_spike", sPre);
        f.putFloats("pre_trace", xPre);
        f.putSpikes("post_spike", sPost);
        f.putFloats("post_trace", xPost);
    }

    static int[] bits(SplittableRandom r, int n, double p) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextDouble() < p ? 1 : 0;
        }
        return b;
    }

    /** Trace-like values: 0 for about a third, else multiples of 1/16 in (0, 2]. */
    static double[] traces(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(3) == 0 ? 0 : (1 + r.nextInt(32)) / 16.0;
        }
        return x;
    }

    static double[] toDoubles(int[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i];
        }
        return d;
    }

    static double[] weights(SplittableRandom r, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (1 + r.nextInt(63)) / 64.0;
        }
        return w;
    }
}
