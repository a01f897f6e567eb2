package org.conex.behaviors.synapses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** Sampling of distinct sparse positions, and the sort-free CSC constructor it feeds. */
class SparseSamplerTest {
    private static void assertStrictlyIncreasingWithin(long[] p, long total) {
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] >= 0 && p[i] < total, "position " + p[i]);
            if (i > 0) {
                assertTrue(p[i] > p[i - 1], "sorted and distinct at " + i);
            }
        }
    }

    @Test
    void lowAndHighFractionsAreExactSortedAndDistinct() {
        RandomStream rng = new RandomStream(11);
        for (int k : new int[] {0, 1, 37, 500, 501, 999, 1000}) {
            long[] p = SparseSampler.sample(1000, k, rng);
            assertEquals(k, p.length);
            assertStrictlyIncreasingWithin(p, 1000);
        }
        long[] all = SparseSampler.sample(5, 5, rng);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, all);
    }

    /**
     * Each of 20 positions is drawn with probability 1/4 in each of 4000 samples of 5: the
     * expected count is 1000 with binomial sd 27; 150 is more than 5 sd.
     */
    @Test
    void everyPositionIsEquallyLikely() {
        RandomStream rng = new RandomStream(5);
        int[] counts = new int[20];
        for (int r = 0; r < 4000; r++) {
            for (long p : SparseSampler.sample(20, 5, rng)) {
                counts[(int) p]++;
            }
        }
        for (int c : counts) {
            assertEquals(1000, c, 150);
        }
    }

    @Test
    void positionsBeyondIntRange() {
        long total = 100_000L * 100_000L;
        long[] p = SparseSampler.sample(total, 1000, new RandomStream(2));
        assertStrictlyIncreasingWithin(p, total);
        assertTrue(p[p.length - 1] > Integer.MAX_VALUE, "positions cover the whole long range");
    }

    @Test
    void fromCscRejectsEntriesOutOfOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseWeights.fromCsc(3, 2,
                new int[] {1, 0}, new int[] {0, 0}, Tensors.of(DType.FLOAT32, new double[] {1, 2}, 2)));
        SynapseFixture.assertMessage(e, "is not in CSC order");
        SparseWeights w = SparseWeights.fromCsc(3, 2, new int[] {0, 2, 1}, new int[] {0, 0, 1},
                Tensors.of(DType.FLOAT32, new double[] {1, 2, 3}, 3));
        assertArrayEquals(new double[] {1, 0, 0, 3, 2, 0}, SynapseFixture.values(w.toDense()));
        assertEquals(2, w.rowEntry(w.rowStart(1)));
    }
}
