package org.conex.behaviors.dendrites;

import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.SparseWeights;
import org.conex.behaviors.synapses.SynapseFixture;
import org.junit.jupiter.api.Test;

/** Spec section 8 tests 25 to 27, the sign rule, BUG-9 and bad inputs. */
class DendriticInputTest {
    private static final double[] W = {1, 2, 3, 4, 5, 6};

    private static SynapseFixture simple(Map<String, ?> p, String... srcTags) {
        SynapseFixture f = new SynapseFixture(3, 2);
        for (String t : srcTags) {
            f.src.addTag(t);
        }
        f.putFloats("weights", W, 3, 2);
        f.putBools("pre_spike", true, false, true);
        f.add(SimpleDendriticInput.TYPE, p);
        return f;
    }

    @Test
    void simpleSumsTheRowsOfSpikingSources() {
        SynapseFixture f = simple(Map.of());
        f.initialize();
        assertArrayEquals(new double[] {0, 0}, f.values("I"));
        assertTrue(f.syn.hasTag("SimpleDendriticInput"), "the behavior name becomes a synapse tag");
        f.step();
        assertArrayEquals(new double[] {6, 8}, f.values("I"));
    }

    @Test
    void inhibitorySourceTagsFlipTheSign() {
        SynapseFixture inh = simple(Map.of(), "inh");
        inh.step();
        assertArrayEquals(new double[] {-6, -8}, inh.values("I"));
        SynapseFixture gaba = simple(Map.of(), "GABA");
        gaba.step();
        assertArrayEquals(new double[] {-6, -8}, gaba.values("I"));
        SynapseFixture other = simple(Map.of(), "inhibitory");
        other.step();
        assertArrayEquals(new double[] {6, 8}, other.values("I"), "only the exact tags inh and GABA count");
    }

    @Test
    void currentCoefScales() {
        SynapseFixture f = simple(params("current_coef", 2.0), "inh");
        f.step();
        assertArrayEquals(new double[] {-12, -16}, f.values("I"));
    }

    /**
     * The float32 path scales the row sums on the heap before writing the current once: each value
     * must be the float32 product of the float32 factor and the float32 row sum, step after step
     * (a second step with other spikes catches a scaling applied twice or not at all).
     */
    @Test
    void float32CoefficientScalingIsOneRoundedProductPerValue() {
        int nSrc = 7;
        int nDst = 33;
        java.util.Random rnd = new java.util.Random(11);
        double[] w = new double[nSrc * nDst];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % nDst < 2 ? 0.0 : (float) (rnd.nextDouble() - 0.3); // columns 0, 1: sums of +0
        }
        SynapseFixture f = new SynapseFixture(nSrc, nDst);
        f.src.addTag("inh");
        f.putFloats("weights", w, nSrc, nDst);
        f.putBools("pre_spike", true, false, true, true, false, false, true);
        f.add(SimpleDendriticInput.TYPE, params("current_coef", 0.32));
        f.initialize();
        float factor = (float) (-0.32);
        boolean[][] spikes = {{true, false, true, true, false, false, true}, {false, true, false, false, true, true,
            false}};
        for (boolean[] s : spikes) {
            f.putBools("pre_spike", s);
            f.step();
            double[] got = f.values("I");
            for (int j = 0; j < nDst; j++) {
                float acc = 0f;
                for (int i = 0; i < nSrc; i++) {
                    if (s[i]) {
                        acc += (float) w[i * nDst + j];
                    }
                }
                assertEquals(Float.floatToRawIntBits(factor * acc), Float.floatToRawIntBits((float) got[j]),
                        "I[" + j + "]: expected " + factor * acc + ", found " + got[j]);
            }
        }
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits((float) f.values("I")[0]),
                "a negative factor times a sum of +0 is -0");
    }

    /**
     * A step that takes the generic path (weights replaced by a float64 array in a float32
     * network) after steps that wrote a scaled current themselves must still be scaled.
     */
    @Test
    void aGenericStepAfterAHeapScaledStepIsScaledToo() {
        SynapseFixture f = simple(params("current_coef", 2.0), "inh");
        f.step();
        assertArrayEquals(new double[] {-12, -16}, f.values("I"), "float32 weights: scaled on the heap");
        f.syn.put("weights", org.conex.api.tensor.Tensors.of(DType.FLOAT64, W, 3, 2));
        f.step();
        assertArrayEquals(new double[] {-12, -16}, f.values("I"), "float64 weights: scaled by the base");
    }

    @Test
    void simpleRejectsDxsNetworks() {
        SynapseFixture f = new SynapseFixture(new Network("n", DType.FLOAT32, SynapseMode.DxS, 1), 3, 2);
        f.putFloats("weights", W, 2, 3);
        f.add(SimpleDendriticInput.TYPE, Map.of());
        f.assertInitFails("SimpleDendriticInput on 's'", "needs a network in SxD mode");
    }

    @Test
    void simpleRejectsWrongWeights() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.putFloats("weights", W, 2, 3);
        f.add(SimpleDendriticInput.TYPE, Map.of());
        f.assertInitFails("needs dense weights [3, 2]", "found dense [2, 3]");
        SynapseFixture g = new SynapseFixture(3, 2);
        g.add(SimpleDendriticInput.TYPE, Map.of());
        g.assertInitFails("found none", "add a WeightInitializer");
    }

    @Test
    void missingPreSpikeNamesTheCatcher() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.putFloats("weights", W, 3, 2);
        f.add(SimpleDendriticInput.TYPE, Map.of());
        f.initialize();
        Exception e = assertThrows(RuntimeException.class, f::step);
        SynapseFixture.assertMessage(e, "needs 'pre_spike'", "add a PreSpikeCatcher");
    }

    /** Many spiking rows (the four-row blocked path) equal a sequential float32 sum in row order. */
    @Test
    void blockedSumKeepsTheSequentialFloatOrder() {
        int s = 37;
        int d = 11;
        RandomStream rng = new RandomStream(3);
        double[] w = new double[s * d];
        boolean[] pre = new boolean[s];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < s; i++) {
            pre[i] = rng.nextDouble() < 0.6;
        }
        for (DType dtype : DType.values()) {
            SynapseFixture f = new SynapseFixture(new Network("n", dtype, SynapseMode.SxD, 1), s, d);
            f.putFloats("weights", w, s, d);
            f.putBools("pre_spike", pre);
            f.add(SimpleDendriticInput.TYPE, params("current_coef", 1.5));
            f.step();
            double[] got = f.values("I");
            for (int j = 0; j < d; j++) {
                double acc = 0;
                for (int i = 0; i < s; i++) {
                    if (pre[i]) {
                        acc = dtype.round(acc + w[i * d + j]);
                    }
                }
                assertEquals(dtype.round(1.5 * acc), got[j], 0.0, dtype + " column " + j);
            }
        }
    }

    @Test
    void oneToOne() {
        SynapseFixture f = new SynapseFixture(3, 3);
        f.putFloats("weights", new double[] {1, 2, 3}, 3);
        f.putBools("pre_spike", true, false, true);
        f.add(One2OneDendriticInput.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {1, 0, 3}, f.values("I"));
    }

    @Test
    void oneToOneRejectsSizeMismatch() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.putFloats("weights", new double[] {1, 2}, 2);
        f.add(One2OneDendriticInput.TYPE, Map.of());
        f.assertInitFails("One2OneDendriticInput on 's'", "source 'src' has 3 and destination 'dst' has 2 neurons");
    }

    /** BUG-9: default 2-D weights broadcast into an N x N current in the reference; here an error. */
    @Test
    void oneToOneRejectsTwoDimensionalWeights() {
        SynapseFixture f = new SynapseFixture(2, 2);
        f.putFloats("weights", new double[] {1, 2, 3, 4}, 2, 2);
        f.add(One2OneDendriticInput.TYPE, Map.of());
        f.assertInitFails("needs 1-D weights [2]", "weight_shape = [2]", "found dense [2, 2]");
    }

    @Test
    void sparseGivesTheSameCurrentAsDense() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.syn.put("weights", SparseWeights.fromCoo(3, 2, new long[] {0, 0, 1, 1, 2, 2}, new long[] {0, 1, 0, 1, 0, 1},
                W, DType.FLOAT32));
        f.putBools("pre_spike", true, false, true);
        f.add(SparseDendriticInput.TYPE, params("current_coef", 1.0));
        f.step();
        assertArrayEquals(new double[] {6, 8}, f.values("I"));
    }

    @Test
    void sparseSkipsAbsentEntries() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.syn.put("weights", SparseWeights.fromCoo(3, 2, new long[] {2, 0}, new long[] {0, 1}, new double[] {5, 2},
                DType.FLOAT32));
        f.putBools("pre_spike", true, true, false);
        f.add(SparseDendriticInput.TYPE, Map.of());
        f.src.addTag("inh");
        f.step();
        assertArrayEquals(new double[] {0, -2}, f.values("I"), 0.0, "-0.0 (0 times the sign) equals 0");
    }

    @Test
    void sparseRejectsDenseWeights() {
        SynapseFixture f = new SynapseFixture(3, 2);
        f.putFloats("weights", W, 3, 2);
        f.add(SparseDendriticInput.TYPE, Map.of());
        f.assertInitFails("SparseDendriticInput on 's'", "needs sparse weights [3, 2]", "found dense [3, 2]");
    }
}
