package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.conex.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** SparseSTDP (spec test 33) and One2OneSTDP (spec test 34). */
class SparseAndOne2OneSTDPTest {
    @Test
    void one2oneIsTheDiagonalOfTest32() {
        LearningFixture f = new LearningFixture(DType.FLOAT64, 2, 2).vector(0.5, 0.5)
                .traces(new double[] {0.9, 0.5}, new double[] {0.2, 0.9})
                .spikes(new boolean[] {true, false}, new boolean[] {false, true});
        f.add(One2OneSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002);
        f.sim.step();
        double[] w = f.weights();
        assertArrayEquals(new double[] {-0.0004, 0.005}, new double[] {w[0] - 0.5, w[1] - 0.5}, 1e-15);
    }

    @Test
    void one2oneNeedsEqualGroupsAndVectorWeights() {
        LearningFixture f = new LearningFixture(DType.FLOAT32, 2, 3).vector(1, 2);
        f.add(One2OneSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002);
        RuntimeException e = assertThrows(RuntimeException.class, f.sim::initialize);
        assertTrue(SimpleSTDPTest.rootMessage(e).contains("One2OneSTDP on 's': a one-to-one rule needs equally sized "
                + "groups, found 2 sources and 3 destinations"), SimpleSTDPTest.rootMessage(e));

        LearningFixture g = new LearningFixture(DType.FLOAT32, 2, 2).dense(new double[2][2]);
        g.add(One2OneSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002);
        e = assertThrows(RuntimeException.class, g.sim::initialize);
        assertTrue(SimpleSTDPTest.rootMessage(e).contains("must be a vector of 2 elements"), SimpleSTDPTest.rootMessage(e));
    }

    @Test
    void sparseCopyOfTest32ChangesOnlyStoredEntries() {
        double[][] w = {{0.5, 0.5}, {0, 0.5}};
        LearningFixture f = new LearningFixture(DType.FLOAT64, 2, 2).sparse(w)
                .traces(new double[] {0.9, 0.5}, new double[] {0.2, 0.9})
                .spikes(new boolean[] {true, false}, new boolean[] {false, true});
        f.add(SparseSTDP.TYPE, "a_plus", 0.01, "a_minus", 0.002);
        f.sim.step();
        double[] got = f.weights();
        assertArrayEquals(new double[] {0.5 - 0.0004, 0.5 + 0.0072, 0, 0.5 + 0.005}, got, 1e-15);
    }

    @Test
    void sparseEqualsDenseOnStoredEntriesOfARandomNetwork() {
        Random rnd = new Random(7);
        int nSrc = 19;
        int nDst = 13;
        double[][] w = new double[nSrc][nDst];
        for (int i = 0; i < nSrc; i++) {
            for (int j = 0; j < nDst; j++) {
                w[i][j] = rnd.nextDouble() < 0.3 ? 0.05 + 0.9 * rnd.nextFloat() : 0;
            }
        }
        LearningFixture sparse = new LearningFixture(DType.FLOAT32, nSrc, nDst).sparse(w);
        LearningFixture dense = new LearningFixture(DType.FLOAT32, nSrc, nDst).dense(w);
        for (LearningFixture f : new LearningFixture[] {sparse, dense}) {
            f.add(f == sparse ? SparseSTDP.TYPE : SimpleSTDP.TYPE, "a_plus", 0.03, "a_minus", 0.02,
                    "positive_bound", "soft_bound", "negative_bound", "hard_bound");
            f.sim.initialize();
        }
        for (int step = 0; step < 25; step++) {
            double[] xPre = SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, nSrc));
            double[] xPost = SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, nDst));
            boolean[] sPre = SimpleSTDPTest.randomSpikes(rnd, nSrc, 0.25);
            boolean[] sPost = SimpleSTDPTest.randomSpikes(rnd, nDst, 0.25);
            for (LearningFixture f : new LearningFixture[] {sparse, dense}) {
                f.traces(xPre, xPost).spikes(sPre, sPost);
                f.sim.step();
            }
            double[] s = sparse.weights();
            double[] d = dense.weights();
            for (int k = 0; k < s.length; k++) {
                boolean stored = w[k / nDst][k % nDst] != 0;
                assertEquals(stored ? d[k] : 0.0, s[k], 0.0, "entry " + k + " step " + step);
            }
        }
    }
}
