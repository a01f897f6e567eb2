package org.conex.behaviors.dendrites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.behaviors.spatial.SpatialFixture;
import org.junit.jupiter.api.Test;

/** Spec section 8.1 test 29, a 3-D volume, the sign rule and errors. */
class LateralDendriticInputTest {
    private static NeuronGroup group(String tag, NeuronShape shape) {
        return new Network("net", DType.FLOAT32, SynapseMode.SxD, 1L).addNeuronGroup(tag, shape);
    }

    private static SpatialFixture lateral(NeuronGroup g, double[] w, int[] shape, Object... params) {
        SpatialFixture f = new SpatialFixture(g).weights(w, shape);
        f.add(LateralDendriticInput.TYPE, params);
        return f;
    }

    private static double[] current(SpatialFixture f, int... spikes) {
        f.initialize();
        f.putSpikes("pre_spike", spikes);
        f.forward(f.syn.behavior("LateralDendriticInput"));
        return f.values("I");
    }

    @Test
    void flatGroupIsAOneDimensionalNeighbourhood() {
        // I[x] = 1*S[x-1] + 0*S[x] + 2*S[x+1]
        SpatialFixture f = lateral(group("g", NeuronShape.flat(5)), new double[] {1, 0, 2}, new int[] {1, 1, 1, 1, 3});
        assertArrayEquals(new double[] {2, 0, 1, 2, 0}, current(f, 0, 1, 0, 0, 1));
    }

    @Test
    void inhibitoryTrueNegatesAndOverridesTheTagRule() {
        SpatialFixture f = lateral(group("g", NeuronShape.flat(5)), new double[] {1, 0, 2}, new int[] {1, 1, 1, 1, 3},
                "inhibitory", true);
        // -1 * 0 is -0 in IEEE arithmetic, as in the reference
        assertArrayEquals(new double[] {-2, -0.0, -1, -2, -0.0}, current(f, 0, 1, 0, 0, 1));
        NeuronGroup inh = group("g", NeuronShape.flat(5));
        inh.addTag("inh");
        SpatialFixture g = lateral(inh, new double[] {1, 0, 2}, new int[] {1, 1, 1, 1, 3}, "inhibitory", false);
        assertArrayEquals(new double[] {2, 0, 1, 2, 0}, current(g, 0, 1, 0, 0, 1));
        NeuronGroup gaba = group("g", NeuronShape.flat(5));
        gaba.addTag("GABA");
        SpatialFixture h = lateral(gaba, new double[] {1, 0, 2}, new int[] {1, 1, 1, 1, 3});
        assertArrayEquals(new double[] {-2, -0.0, -1, -2, -0.0}, current(h, 0, 1, 0, 0, 1));
    }

    @Test
    void volumeCorrelationWithSamePadding() {
        // 2x2x3 volume, kernel 3x1x3 with w[a, 0, c] = 10*a + c; one spike at (z=1, y=0, x=1)
        double[] w = {0, 1, 2, 10, 11, 12, 20, 21, 22};
        SpatialFixture f = lateral(group("g", new NeuronShape(2, 2, 3)), w, new int[] {1, 1, 3, 1, 3});
        int[] s = new int[12];
        s[(1 * 2 + 0) * 3 + 1] = 1;
        double[] expected = new double[12];
        // target (tz, 0, tx) gets w[a, 0, c] with a = 1 - tz + 1, c = 1 - tx + 1
        for (int tz = 0; tz < 2; tz++) {
            for (int tx = 0; tx < 3; tx++) {
                int a = 2 - tz;
                int c = 2 - tx;
                expected[(tz * 2) * 3 + tx] = 10 * a + c;
            }
        }
        assertArrayEquals(expected, current(f, s));
    }

    @Test
    void evenKernelIsRejected() {
        SpatialFixture f = lateral(group("g", NeuronShape.flat(5)), new double[] {1, 2}, new int[] {1, 1, 1, 1, 2});
        assertEquals("LateralDendriticInput on 'lat': kernel sizes must be odd for 'same' padding, found kd x kh x kw = "
                + "1x1x2 (weights [1, 1, 1, 1, 2])", f.assertInitFails());
    }

    @Test
    void distinctGroupsAreRejected() {
        SpatialFixture f = new SpatialFixture(new NeuronShape(1, 1, 3), new NeuronShape(1, 1, 3))
                .rawWeights(new double[] {1, 0, 1}, 1, 1, 1, 1, 3);
        f.add(LateralDendriticInput.TYPE);
        assertEquals("LateralDendriticInput on 's': needs the source and the destination to be the same group, found "
                + "'src' -> 'dst'", f.assertInitFails());
    }
}
