package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParameterException;
import org.conex.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** The iSTDP family: spec test 38, the sign option, sparse/dense agreement and bad input. */
class IstdpTest {
    private static LearningFixture oneSynapse(BehaviorType type, boolean pre, boolean post, double xPre, double xPost,
                                              Object... extra) {
        LearningFixture f = new LearningFixture(DType.FLOAT64, 1, 1);
        if (type == One2OneiSTDP.TYPE) {
            f.vector(0.5);
        } else if (type == SparseiSTDP.TYPE) {
            f.sparse(new double[][] {{0.5}});
        } else {
            f.dense(new double[][] {{0.5}});
        }
        f.traces(new double[] {xPre}, new double[] {xPost}).spikes(new boolean[] {pre}, new boolean[] {post})
                .traceTaus(20, 20);
        Object[] kv = new Object[4 + extra.length];
        kv[0] = "rho";
        kv[1] = 5.0;
        kv[2] = "lr";
        kv[3] = 1e-5;
        System.arraycopy(extra, 0, kv, 4, extra.length);
        f.add(type, kv);
        f.sim.step();
        return f;
    }

    @Test
    void alphaComesFromRhoAndThePreTraceTau() {
        LearningFixture f = oneSynapse(SimpleiSTDP.TYPE, false, false, 0, 0);
        assertEquals(0.2, ((IstdpRule) f.syn.behavior("SimpleiSTDP")).alpha(), 0);
    }

    @Test
    void workedNumbersForEveryConnectionType() {
        for (BehaviorType t : new BehaviorType[] {SimpleiSTDP.TYPE, One2OneiSTDP.TYPE, SparseiSTDP.TYPE}) {
            // A pre spike onto a silent post neuron (x_post = 0): lr * (0 - alpha) = -2e-6.
            assertArrayEquals(new double[] {0.5 - 2e-6}, oneSynapse(t, true, false, 0, 0).weights(), 1e-18, t.name());
            // A post spike with x_pre = 0.5: lr * 0.5 = +5e-6.
            assertArrayEquals(new double[] {0.5 + 5e-6}, oneSynapse(t, false, true, 0.5, 0).weights(), 1e-18, t.name());
            // No spike: unchanged.
            assertArrayEquals(new double[] {0.5}, oneSynapse(t, false, false, 0.5, 0.3).weights(), 0, t.name());
        }
    }

    @Test
    void excitatoryVariantFlipsOnlyThePresynapticTerm() {
        LearningFixture f = oneSynapse(SimpleiSTDP.TYPE, true, true, 0.5, 0.05, "is_inhibitory", false);
        // lr * ((alpha - x_post) * +1 + x_pre) = 1e-5 * (0.15 + 0.5)
        assertArrayEquals(new double[] {0.5 + 1e-5 * 0.65}, f.weights(), 1e-18);
    }

    @Test
    void explicitAlphaOverridesRho() {
        LearningFixture f = oneSynapse(SimpleiSTDP.TYPE, true, false, 0, 0, "alpha", 0.3);
        assertArrayEquals(new double[] {0.5 - 3e-6}, f.weights(), 1e-18);
    }

    @Test
    void sparseEqualsDenseOnStoredEntries() {
        Random rnd = new Random(11);
        int nSrc = 9;
        int nDst = 8;
        double[][] w = new double[nSrc][nDst];
        for (int i = 0; i < nSrc; i++) {
            for (int j = 0; j < nDst; j++) {
                w[i][j] = rnd.nextDouble() < 0.5 ? 0.1 + rnd.nextFloat() : 0;
            }
        }
        LearningFixture sparse = new LearningFixture(DType.FLOAT32, nSrc, nDst).sparse(w).traceTaus(5, 5);
        LearningFixture dense = new LearningFixture(DType.FLOAT32, nSrc, nDst).dense(w).traceTaus(5, 5);
        sparse.add(SparseiSTDP.TYPE, "rho", 20.0, "lr", 0.01);
        dense.add(SimpleiSTDP.TYPE, "rho", 20.0, "lr", 0.01);
        for (int step = 0; step < 20; step++) {
            double[] xPre = SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, nSrc));
            double[] xPost = SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, nDst));
            boolean[] sPre = SimpleSTDPTest.randomSpikes(rnd, nSrc, 0.3);
            boolean[] sPost = SimpleSTDPTest.randomSpikes(rnd, nDst, 0.3);
            for (LearningFixture f : new LearningFixture[] {sparse, dense}) {
                f.traces(xPre, xPost).spikes(sPre, sPost);
                f.sim.step();
            }
            double[] s = sparse.weights();
            double[] d = dense.weights();
            for (int k = 0; k < s.length; k++) {
                assertEquals(w[k / nDst][k % nDst] != 0 ? d[k] : 0.0, s[k], 0.0);
            }
        }
    }

    @Test
    void unequalTraceTimeConstantsAreRejected() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 1, 1).dense(new double[][] {{0.5}}).traceTaus(20, 10);
        f.add(SimpleiSTDP.TYPE, "rho", 5.0);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(SimpleSTDPTest.rootMessage(e).contains("SimpleiSTDP on 's': PreTrace tau_s (20.0 ms) and PostTrace "
                + "tau_s (10.0 ms) must be equal"), SimpleSTDPTest.rootMessage(e));
    }

    @Test
    void rhoWithoutPreTraceIsRejected() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 1, 1).dense(new double[][] {{0.5}});
        f.add(SimpleiSTDP.TYPE, "rho", 5.0);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(SimpleSTDPTest.rootMessage(e).contains("needs the tau_s of a PreTrace behavior"),
                SimpleSTDPTest.rootMessage(e));
    }

    @Test
    void rhoOrAlphaIsRequired() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> SparseiSTDP.TYPE.create(LearningFixture.params("lr", 0.1)));
        assertEquals("rho", e.parameter());
        assertTrue(e.getMessage().contains("or 'alpha' is required"), e.getMessage());
    }
}
