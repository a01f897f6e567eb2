package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.LongBuffer;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Views;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 100000 x 100000 synapse at density 0.001 (10^10 positions, 10^7 entries) initialises as
 * {@link SparseWeights} without any dense allocation: a dense float matrix would need 40 GB, far
 * beyond the test JVM's 4 GB heap and 4 GB off-heap cap, so completing at all proves it; the test
 * also checks that no variable of the synapse holds anything near 10^10 elements.
 */
class SparseWeightMemoryTest {
    @Test
    void hundredThousandSquaredAtOnePerMille() {
        int n = 100_000;
        SynapseFixture f = new SynapseFixture(n, n);
        f.add(SynapseInit.TYPE, java.util.Map.of());
        f.add(WeightInitializer.TYPE, params("mode", "random", "density", 0.001, "scale", 0.5));
        f.initialize();
        SparseWeights w = assertInstanceOf(SparseWeights.class, f.syn.get("weights"));
        assertEquals(10_000_000, w.nnz());
        assertEquals(n, w.rows());
        assertEquals(n, w.cols());
        for (String v : f.syn.variables()) {
            Object o = f.syn.get(v);
            if (o instanceof INDArray) {
                assertTrue(((INDArray) o).length() <= w.nnz(), v + " has " + ((INDArray) o).length() + " elements");
            }
        }
        LongBuffer src = Views.longs(f.syn.array("src_idx"));
        LongBuffer dst = Views.longs(f.syn.array("dst_idx"));
        assertEquals(w.nnz(), src.capacity());
        long perColumnMax = 0;
        int count = 0;
        for (int k = 0; k < w.nnz(); k++) {
            if (k > 0) {
                assertTrue(dst.get(k) > dst.get(k - 1) || dst.get(k) == dst.get(k - 1) && src.get(k) > src.get(k - 1));
                if (dst.get(k) != dst.get(k - 1)) {
                    perColumnMax = Math.max(perColumnMax, count);
                    count = 0;
                }
            }
            count++;
        }
        // about 100 entries per destination (binomial sd 10); 200 would be a 10-sigma column
        assertTrue(perColumnMax < 200, "entries spread over destinations, max per column " + perColumnMax);
        org.conex.api.tensor.Vec values = org.conex.api.tensor.Vec.of(w.values());
        double sum = 0;
        for (int k = 0; k < w.nnz(); k++) {
            sum += values.get(k);
        }
        // U[0,1) * 0.5 over 10^7 entries: mean 0.25, standard error 4.6e-5
        assertEquals(0.25, sum / w.nnz(), 5e-4);
    }
}
