package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.SparseWeights;
import org.junit.jupiter.api.Test;

/** Spec section 8 test 21, negative bounds (ODD-9 fixed) and every weight layout. */
class WeightClipTest {
    @Test
    void defaultsClipToZeroOne() {
        SynapseFixture f = new SynapseFixture(3, 3);
        f.putFloats("weights", new double[] {-0.5, 0.3, 1.7}, 3);
        f.add(WeightClip.TYPE, Map.of());
        f.step();
        assertArrayEquals(new double[] {0, (float) 0.3, 1}, f.values("weights"));
    }

    /** ODD-9: the reference asserts 0 <= w_min; negative lower bounds are allowed here. */
    @Test
    void negativeLowerBoundAllowed() {
        SynapseFixture f = new SynapseFixture(2, 2);
        f.putFloats("weights", new double[] {-3, -0.5, 0.25, 2}, 2, 2);
        f.add(WeightClip.TYPE, params("w_min", -1.0, "w_max", 0.5));
        f.step();
        assertArrayEquals(new double[] {-1, -0.5, 0.25, 0.5}, f.values("weights"));
    }

    @Test
    void boundIsTheFloat32Value() {
        SynapseFixture f = new SynapseFixture(1, 1);
        f.putFloats("weights", new double[] {0.95}, 1, 1);
        f.add(WeightClip.TYPE, params("w_max", 0.9));
        f.step();
        assertEquals((float) 0.9, f.values("weights")[0], 0.0);
    }

    @Test
    void convLocalAndSparseWeights() {
        SynapseFixture conv = new SynapseFixture(1, 2);
        conv.putFloats("weights", new double[] {2, -2, 0.5, 0.75}, 2, 1, 1, 2);
        conv.add(WeightClip.TYPE, params("w_max", 0.6));
        conv.step();
        assertArrayEquals(new double[] {0.6f, 0, 0.5, 0.6f}, conv.values("weights"));
        SynapseFixture local = new SynapseFixture(2, 2);
        local.putFloats("weights", new double[] {-1, 0.5, 3, 0.25, 2, -2}, 1, 2, 3);
        local.add(WeightClip.TYPE, params("w_min", 0.25));
        local.step();
        assertArrayEquals(new double[] {0.25, 0.5, 1, 0.25, 1, 0.25}, local.values("weights"));
        SynapseFixture sparse = new SynapseFixture(3, 2);
        SparseWeights w = SparseWeights.fromCoo(3, 2, new long[] {0, 2}, new long[] {0, 1}, new double[] {5, -2},
                DType.FLOAT32);
        sparse.syn.put("weights", w);
        sparse.add(WeightClip.TYPE, Map.of());
        sparse.step();
        assertArrayEquals(new double[] {1, 0}, SynapseFixture.values(w.values()));
    }

    @Test
    void minNotBelowMaxRejected() {
        SynapseFixture f = new SynapseFixture(1, 1);
        f.putFloats("weights", new double[] {0.5}, 1, 1);
        f.add(WeightClip.TYPE, params("w_min", 0.5, "w_max", 0.5));
        f.assertInitFails("WeightClip on 's'", "parameter 'w_min' (0.5) must be less than 'w_max' (0.5)");
    }
}
