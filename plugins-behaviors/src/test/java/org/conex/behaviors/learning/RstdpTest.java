package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParameterException;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** The RSTDP family: spec test 37, sparse/dense agreement, required dopamine and tau_c. */
class RstdpTest {
    /**
     * tau_c = 2, dopamine 1, dW_stdp = 0.1 every step (a post spike with x_pre = 1, a_plus = 0.1)
     * gives c = 0.1, 0.15, 0.175 and W grows by the same amounts.
     */
    private static void checkTest37(BehaviorType type, LearningFixture f) {
        f.traces(new double[] {1}, new double[] {0}).spikes(new boolean[] {false}, new boolean[] {true}).dopamine(1);
        f.add(type, "a_plus", 0.1, "a_minus", 0.0, "tau_c", 2.0);
        double w = 0.25;
        double[] expectC = {0.1, 0.15, 0.175};
        for (double c : expectC) {
            f.sim.step();
            w += c;
            assertArrayEquals(new double[] {c}, f.array("c"), 1e-15);
            assertArrayEquals(new double[] {w}, f.weights(), 1e-15);
        }
    }

    @Test
    void simpleEligibilityFollowsTheWorkedExample() {
        checkTest37(SimpleRSTDP.TYPE, new LearningFixture(DType.FLOAT64, 1, 1).dense(new double[][] {{0.25}}));
    }

    @Test
    void one2oneEligibilityFollowsTheWorkedExample() {
        checkTest37(One2OneRSTDP.TYPE, new LearningFixture(DType.FLOAT64, 1, 1).vector(0.25));
    }

    @Test
    void sparseEligibilityFollowsTheWorkedExample() {
        checkTest37(SparseRSTDP.TYPE, new LearningFixture(DType.FLOAT64, 1, 1).sparse(new double[][] {{0.25}}));
    }

    @Test
    void zeroDopamineFreezesWeightsButNotEligibility() {
        LearningFixture f = new LearningFixture(DType.FLOAT64, 1, 1).dense(new double[][] {{0.25}})
                .traces(new double[] {1}, new double[] {0}).spikes(new boolean[] {false}, new boolean[] {true})
                .dopamine(0);
        f.add(SimpleRSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.0, "tau_c", 2.0);
        f.sim.simulate(3);
        assertArrayEquals(new double[] {0.25}, f.weights(), 0);
        assertArrayEquals(new double[] {0.175}, f.array("c"), 1e-15);
    }

    @Test
    void eligibilityDecaysWithoutSpikes() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 1).dense(new double[][] {{0.5}, {0.5}}).dopamine(0);
        f.add(SimpleRSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.0, "tau_c", 4.0, "init_c_mode", 1.0);
        f.sim.simulate(2);
        assertArrayEquals(new double[] {0.5625, 0.5625}, f.array("c"), 0);
    }

    @Test
    void sparseEligibilityIsPerStoredEntryInCscOrderAndMatchesDense() {
        Random rnd = new Random(3);
        int nSrc = 11;
        int nDst = 7;
        double[][] w = new double[nSrc][nDst];
        for (int i = 0; i < nSrc; i++) {
            for (int j = 0; j < nDst; j++) {
                w[i][j] = rnd.nextDouble() < 0.4 ? 0.1 + 0.8 * rnd.nextFloat() : 0;
            }
        }
        LearningFixture sparse = new LearningFixture(DType.FLOAT32, nSrc, nDst).sparse(w).dopamine(0.7);
        LearningFixture dense = new LearningFixture(DType.FLOAT32, nSrc, nDst).dense(w).dopamine(0.7);
        for (LearningFixture f : new LearningFixture[] {sparse, dense}) {
            f.add(f == sparse ? SparseRSTDP.TYPE : SimpleRSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.012, "tau_c", 5.0,
                    "negative_bound", "soft_bound");
            f.sim.initialize();
        }
        int nnz = sparse.array("c").length;
        for (int step = 0; step < 20; step++) {
            double[] xPre = SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, nSrc));
            double[] xPost = SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, nDst));
            boolean[] sPre = SimpleSTDPTest.randomSpikes(rnd, nSrc, 0.3);
            boolean[] sPost = SimpleSTDPTest.randomSpikes(rnd, nDst, 0.3);
            for (LearningFixture f : new LearningFixture[] {sparse, dense}) {
                f.traces(xPre, xPost).spikes(sPre, sPost);
                f.sim.step();
            }
            double[] cs = sparse.array("c");
            double[] cd = dense.array("c");
            int k = 0;
            for (int j = 0; j < nDst; j++) {
                for (int i = 0; i < nSrc; i++) {
                    if (w[i][j] != 0) {
                        assertEquals(cd[i * nDst + j], cs[k++], 0.0, "c of (" + i + ", " + j + ")");
                    }
                }
            }
            assertEquals(nnz, k);
            double[] ws = sparse.weights();
            double[] wd = dense.weights();
            for (int q = 0; q < ws.length; q++) {
                assertEquals(w[q / nDst][q % nDst] != 0 ? wd[q] : 0.0, ws[q], 0.0);
            }
        }
    }

    @Test
    void float32KernelEqualsAnIndependentFloatReference() {
        Random rnd = new Random(5);
        int nSrc = 17;
        int nDst = 12;
        float[] w = new float[nSrc * nDst];
        float[] c = new float[w.length];
        double[][] w0 = new double[nSrc][nDst];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextFloat();
            w0[k / nDst][k % nDst] = w[k];
        }
        LearningFixture f = new LearningFixture(DType.FLOAT32, nSrc, nDst).dense(w0);
        f.add(SimpleRSTDP.TYPE, "a_plus", 0.02, "a_minus", 0.015, "tau_c", 5.0, "positive_bound", "soft_bound");
        f.dopamine(0.0);
        f.sim.initialize();
        for (int step = 1; step <= 30; step++) {
            double dopamine = 0.3 * step / 7.0;
            float[] xPre = SimpleSTDPTest.randomTrace(rnd, nSrc);
            float[] xPost = SimpleSTDPTest.randomTrace(rnd, nDst);
            boolean[] sPre = SimpleSTDPTest.randomSpikes(rnd, nSrc, 0.2);
            boolean[] sPost = SimpleSTDPTest.randomSpikes(rnd, nDst, 0.2);
            f.traces(SimpleSTDPTest.toDouble(xPre), SimpleSTDPTest.toDouble(xPost)).spikes(sPre, sPost).dopamine(dopamine);
            f.sim.step();
            for (int i = 0; i < nSrc; i++) {
                for (int j = 0; j < nDst; j++) {
                    int k = i * nDst + j;
                    float plus = xPre[i] * (sPost[j] ? 1f : 0f) * 0.02f * ((w[k] - 0f) * (1f - w[k]));
                    float minus = (sPre[i] ? 1f : 0f) * xPost[j] * 0.015f;
                    c[k] = c[k] + (-c[k] / 5f + (plus - minus));
                    w[k] = w[k] + c[k] * (float) dopamine;
                }
            }
            double[] gotW = f.weights();
            double[] gotC = f.array("c");
            for (int k = 0; k < w.length; k++) {
                assertEquals(c[k], (float) gotC[k], 0f, "c " + k + " step " + step);
                assertEquals(w[k], (float) gotW[k], 0f, "w " + k + " step " + step);
            }
        }
    }

    /**
     * A vector concentration (tensor payoff) gives each destination neuron its own dopamine: the
     * dense kernel against an independent float reference with {@code w += c * d[j]}, and the
     * sparse and one-to-one rules against the dense one.
     */
    @Test
    void perNeuronDopamineMultipliesTheEligibilityOfTheSynapsesOntoEachNeuron() {
        Random rnd = new Random(8);
        int nSrc = 9;
        int nDst = 6;
        double[][] w0 = new double[nSrc][nDst];
        float[] w = new float[nSrc * nDst];
        float[] c = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextFloat();
            w0[k / nDst][k % nDst] = w[k];
        }
        LearningFixture dense = new LearningFixture(DType.FLOAT32, nSrc, nDst).dense(w0);
        LearningFixture sparse = new LearningFixture(DType.FLOAT32, nSrc, nDst).sparse(w0);
        dense.add(SimpleRSTDP.TYPE, "a_plus", 0.02, "a_minus", 0.015, "tau_c", 5.0);
        sparse.add(SparseRSTDP.TYPE, "a_plus", 0.02, "a_minus", 0.015, "tau_c", 5.0);
        for (LearningFixture f : new LearningFixture[] {dense, sparse}) {
            f.dopamine(0.0);
            f.sim.initialize();
        }
        for (int step = 1; step <= 20; step++) {
            float[] d = new float[nDst];
            for (int j = 0; j < nDst; j++) {
                d[j] = (j - 2) * 0.25f * step / 5f;
            }
            float[] xPre = SimpleSTDPTest.randomTrace(rnd, nSrc);
            float[] xPost = SimpleSTDPTest.randomTrace(rnd, nDst);
            boolean[] sPre = SimpleSTDPTest.randomSpikes(rnd, nSrc, 0.3);
            boolean[] sPost = SimpleSTDPTest.randomSpikes(rnd, nDst, 0.3);
            for (LearningFixture f : new LearningFixture[] {dense, sparse}) {
                f.net.put("dopamine_concentration", Tensors.of(DType.FLOAT32, SimpleSTDPTest.toDouble(d), nDst));
                f.traces(SimpleSTDPTest.toDouble(xPre), SimpleSTDPTest.toDouble(xPost)).spikes(sPre, sPost);
                f.sim.step();
            }
            for (int i = 0; i < nSrc; i++) {
                for (int j = 0; j < nDst; j++) {
                    int k = i * nDst + j;
                    float plus = xPre[i] * (sPost[j] ? 1f : 0f) * 0.02f;
                    float minus = (sPre[i] ? 1f : 0f) * xPost[j] * 0.015f;
                    c[k] = c[k] + (-c[k] / 5f + (plus - minus));
                    w[k] = w[k] + c[k] * d[j];
                }
            }
            double[] gotW = dense.weights();
            double[] gotS = sparse.weights();
            for (int k = 0; k < w.length; k++) {
                assertEquals(w[k], (float) gotW[k], 0f, "dense w " + k + " step " + step);
                assertEquals(w[k], (float) gotS[k], 0f, "sparse w " + k + " step " + step);
            }
        }
    }

    /** One-to-one: synapse j feeds destination j, so its weight moves by c[j] * dopamine[j]. */
    @Test
    void oneToOneAppliesTheDopamineOfEachSynapsesDestination() {
        LearningFixture per = new LearningFixture(DType.FLOAT64, 3, 3).vector(0.5, 0.5, 0.5);
        per.add(One2OneRSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.0, "tau_c", 2.0);
        per.dopamine(0.0);
        per.sim.initialize();
        per.traces(new double[] {1, 1, 1}, new double[] {0, 0, 0}).spikes(new boolean[3], new boolean[] {true, true, true});
        per.net.put("dopamine_concentration", Tensors.of(DType.FLOAT64, new double[] {0, 1, 2}, 3));
        per.sim.step();
        // dw = a_plus * x_pre = 0.1 for every synapse; c = 0 + (-0/2 + 0.1) = 0.1; w = 0.5 + 0.1 * d[j]
        assertArrayEquals(new double[] {0.5, 0.6, 0.7}, per.weights(), 1e-15);
    }

    /** The convolution rule has one kernel for every destination: a vector concentration is refused. */
    @Test
    void kernelRulesRefuseAPerNeuronDopamine() {
        org.conex.api.model.Network net = new org.conex.api.model.Network();
        net.put("dopamine_concentration", Tensors.of(DType.FLOAT32, new double[] {1, 2}, 2));
        RstdpRule rule = (RstdpRule) org.conex.behaviors.spatial.Conv2dRSTDP.TYPE.create(LearningFixture.params(
                "a_plus", 0.1, "a_minus", 0.1, "tau_c", 2.0));
        org.conex.api.model.NeuronGroup g = net.addNeuronGroup("g", 2);
        org.conex.api.model.SynapseGroup s = net.addSynapseGroup("s", g, g);
        s.addBehavior(rule);
        rule.dtype = DType.FLOAT32;
        RuntimeException e = assertThrows(RuntimeException.class, () -> rule.dopamine(net));
        assertTrue(e.getMessage().contains("network.dopamine_concentration has 2 values (a per-neuron payoff), but"
                + " Conv2dRSTDP needs one concentration"), e.getMessage());
    }

    @Test
    void perNeuronDopamineNeedsOneValuePerDestination() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 3).dense(new double[][] {{0.5, 0.5, 0.5},
                {0.5, 0.5, 0.5}});
        f.add(SimpleRSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.1, "tau_c", 2.0);
        f.dopamine(0.0);
        f.sim.initialize();
        f.net.put("dopamine_concentration", Tensors.of(DType.FLOAT32, new double[] {1, 2}, 2));
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::step);
        assertTrue(SimpleSTDPTest.rootMessage(e).contains("network.dopamine_concentration has 2 values, expected 1 or"
                + " one per destination neuron of 'dst' (3)"), SimpleSTDPTest.rootMessage(e));
    }

    @Test
    void dopamineIsRequired() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 1, 1).dense(new double[][] {{0.5}});
        f.add(SimpleRSTDP.TYPE, "a_plus", 0.1, "a_minus", 0.1, "tau_c", 2.0);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(SimpleSTDPTest.rootMessage(e).contains("SimpleRSTDP on 's': needs network.dopamine_concentration; add "
                + "a Dopamine behavior to the network"), SimpleSTDPTest.rootMessage(e));
    }

    @Test
    void tauCMustBePositive() {
        for (double tau : new double[] {0.0, -1.0}) {
            ParameterException e = assertThrows(ParameterException.class, () -> SimpleRSTDP.TYPE.create(
                    LearningFixture.params("a_plus", 0.1, "a_minus", 0.1, "tau_c", tau)));
            assertEquals("tau_c", e.parameter());
        }
        ParameterException e = assertThrows(ParameterException.class, () -> SparseRSTDP.TYPE.create(
                LearningFixture.params("a_plus", 0.1, "a_minus", 0.1)));
        assertEquals("tau_c", e.parameter());
    }

    @Test
    void badInitialEligibilityModeIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> One2OneRSTDP.TYPE.create(
                LearningFixture.params("a_plus", 0.1, "a_minus", 0.1, "tau_c", 2.0, "init_c_mode", "gauss(1)")));
        assertEquals("init_c_mode", e.parameter());
    }
}
