package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronShape;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.SparseWeights;
import org.junit.jupiter.api.Test;

/** Spec section 8 tests 19 and 20, sparse and local weights, and the 1-D quirk (ODD-8). */
class NormalizationTest {
    private static SynapseFixture weights(int s, int d, double[] w, long... shape) {
        SynapseFixture f = new SynapseFixture(s, d);
        f.putFloats("weights", w, shape);
        return f;
    }

    @Test
    void weightNormalizationPerDestinationColumn() {
        SynapseFixture f = weights(2, 2, new double[] {1, 2, 3, 2}, 2, 2);
        f.add(WeightNormalization.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 0.5}, f.values("weights"));
    }

    @Test
    void zeroColumnStaysZero() {
        SynapseFixture f = weights(2, 2, new double[] {0, 2, 0, 6}, 2, 2);
        f.add(WeightNormalization.TYPE, params("norm", 2.0));
        f.step();
        assertArrayEquals(new double[] {0, 0.5, 0, 1.5}, f.values("weights"));
    }

    @Test
    void convKernelsEachSumToNorm() {
        SynapseFixture f = weights(2, 2, new double[] {1, 3, 2, 2}, 2, 1, 1, 2);
        f.add(WeightNormalization.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, f.values("weights"));
    }

    @Test
    void localWeightsPerChannelAndLocation() {
        SynapseFixture f = weights(2, 2, new double[] {1, 1, 2, 6, 4, 0}, 1, 2, 3);
        f.add(WeightNormalization.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {0.25, 0.25, 0.5, (float) 0.6, (float) 0.4, 0}, f.values("weights"));
    }

    @Test
    void sparseWeightsPerDestinationColumn() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.syn.put("weights", SparseWeights.fromCoo(3, 2, new long[] {0, 2, 1}, new long[] {0, 0, 1},
                new double[] {1, 3, 4}, DType.FLOAT32));
        f.add(WeightNormalization.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {0.25, 0, 0, 1, 0.75, 0},
                SynapseFixture.values(((SparseWeights) f.syn.get("weights")).toDense()));
    }

    /** ODD-8 (golden one2one_norm_quirk), the default: 1-D weights are scaled by their total. */
    @Test
    void oneDimensionalWeightsAreScaledAsOneVectorByDefault() {
        SynapseFixture f = weights(2, 2, new double[] {1, 3}, 2);
        f.add(WeightNormalization.TYPE, params("norm", 2.0));
        f.step();
        assertArrayEquals(new double[] {0.5, 1.5}, f.values("weights"));
        SynapseFixture g = weights(2, 2, new double[] {1, 3}, 2);
        g.add(WeightNormalization.TYPE, params("norm", 2.0, "sum_all_1d", true));
        g.step();
        assertArrayEquals(new double[] {0.5, 1.5}, g.values("weights"));
    }

    @Test
    void perNeuronTotalsWhenAsked() {
        SynapseFixture f = weights(2, 2, new double[] {1, 3}, 2);
        f.add(WeightNormalization.TYPE, params("norm", 2.0, "sum_all_1d", false));
        f.step();
        assertArrayEquals(new double[] {2, 2}, f.values("weights"));
    }

    @Test
    void currentNormalization() {
        SynapseFixture f = weights(2, 2, new double[] {1, 2, 3, 2}, 2, 2);
        f.putFloats("I", new double[] {4, 4}, 2);
        f.add(CurrentNormalization.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {1, 1}, f.values("I"));
        assertArrayEquals(new double[] {1, 2, 3, 2}, f.values("weights"), "weights are not changed");
    }

    /** Two conv channels of a 2x2 output: each channel's factor applies to 4 consecutive entries. */
    @Test
    void currentNormalizationRepeatsConvFactorsOverTheOutputMap() {
        Network net = new Network();
        SynapseFixture f = new SynapseFixture(net, net.addNeuronGroup("a", new NeuronShape(1, 3, 3)),
                net.addNeuronGroup("b", new NeuronShape(2, 2, 2)));
        f.putFloats("weights", new double[] {1, 3, 2, 6}, 2, 1, 1, 2);
        f.putFloats("I", new double[] {1, 2, 3, 4, 8, 16, 24, 32}, 8);
        f.add(CurrentNormalization.TYPE, params("norm", 2.0));
        f.step();
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2, 2, 4, 6, 8}, f.values("I"));
    }

    @Test
    void currentNormalizationOfOneToOneUsesTheTotalByDefault() {
        SynapseFixture f = weights(3, 3, new double[] {1, 2, 5}, 3);
        f.putFloats("I", new double[] {1, 0, 5}, 3);
        f.add(CurrentNormalization.TYPE, params("norm", 1.5));
        f.step();
        assertArrayEquals(new double[] {0.1875, 0, 0.9375}, f.values("I"));
    }

    @Test
    void currentNormalizationOfOneToOneIsPerNeuronWhenAsked() {
        SynapseFixture f = weights(3, 3, new double[] {1, 2, 5}, 3);
        f.putFloats("I", new double[] {1, 0, 5}, 3);
        f.add(CurrentNormalization.TYPE, params("norm", 1.5, "sum_all_1d", false));
        f.step();
        assertArrayEquals(new double[] {1.5, 0, 1.5}, f.values("I"));
    }

    @Test
    void groupsMustDivideTheDestination() {
        SynapseFixture f = weights(3, 3, new double[] {1, 2, 3, 4}, 2, 1, 1, 2);
        f.add(CurrentNormalization.TYPE, Map.of());
        f.assertInitFails("CurrentNormalization on 's'", "2 normalisation groups", "'dst' has 3 neurons");
    }

    @Test
    void missingWeights() {
        SynapseFixture f = new SynapseFixture(2, 2);
        f.add(WeightNormalization.TYPE, Map.of());
        f.assertInitFails("WeightNormalization on 's'", "needs 'weights'");
    }
}
