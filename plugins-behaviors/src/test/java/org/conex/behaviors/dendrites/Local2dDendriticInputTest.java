package org.conex.behaviors.dendrites;

import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.conex.behaviors.spatial.SpatialFixture;
import org.junit.jupiter.api.Test;

/** Spec section 8.1 test 31 and Appendix B.8, unshared weights, equality with Conv2d, shape errors. */
class Local2dDendriticInputTest {
    private static final int[] S = {1, 0, 1, 0, 1, 0, 1, 0, 0};
    private static final int[] KERNEL = {1, 2, 2, 1, 2, 2};

    private static double[] current(SpatialFixture f, int... spikes) {
        f.initialize();
        f.putSpikes("pre_spike", spikes);
        f.forward(f.syn.behavior("Local2dDendriticInput"));
        return f.values("I");
    }

    private static SpatialFixture local(double[] w) {
        SpatialFixture f = new SpatialFixture(shape(1, 3, 3), shape(1, 2, 2)).localWeights(w, KERNEL);
        f.add(Local2dDendriticInput.TYPE);
        return f;
    }

    @Test
    void allOnesCountsTheSpikesOfEachField() {
        double[] w = new double[16];
        java.util.Arrays.fill(w, 1);
        assertArrayEquals(new double[] {2, 2, 2, 1}, current(local(w), S));
    }

    @Test
    void theSameKernelAtEveryLocationReproducesTheConvolution() {
        double[] w = {1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4};
        assertArrayEquals(new double[] {5, 5, 5, 1}, current(local(w), S));
    }

    @Test
    void weightsAreNotSharedAcrossLocations() {
        // W[0, l, :] = (l + 1) * [1, 1, 1, 1]: field counts [2, 2, 2, 1] times 1, 2, 3, 4
        double[] w = {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4};
        assertArrayEquals(new double[] {2, 4, 6, 4}, current(local(w), S));
    }

    @Test
    void equalsConv2dWithRepeatedKernelsOnMultiChannelStridedPaddedInput() {
        SplittableRandom r = new SplittableRandom(11);
        int cin = 2;
        int cout = 3;
        int kh = 3;
        int kw = 2;
        // source 2x5x6, stride (2, 1), padding (1, 0): out 3x5
        double[] kernel = new double[cout * cin * kh * kw];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = r.nextInt(8) / 8.0;
        }
        int l = 15;
        int k = cin * kh * kw;
        double[] local = new double[cout * l * k];
        for (int o = 0; o < cout; o++) {
            for (int p = 0; p < l; p++) {
                System.arraycopy(kernel, o * k, local, (o * l + p) * k, k);
            }
        }
        int[] spikes = new int[60];
        for (int i = 0; i < spikes.length; i++) {
            spikes[i] = r.nextInt(3) == 0 ? 1 : 0;
        }
        SpatialFixture conv = new SpatialFixture(shape(cin, 5, 6), shape(cout, 3, 5)).weights(kernel, cout, cin, kh, kw);
        conv.add(Conv2dDendriticInput.TYPE, "stride", List.of(2, 1), "padding", List.of(1, 0));
        conv.initialize();
        conv.putSpikes("pre_spike", spikes);
        conv.forward(conv.syn.behavior("Conv2dDendriticInput"));
        SpatialFixture loc = new SpatialFixture(shape(cin, 5, 6), shape(cout, 3, 5))
                .localWeights(local, new int[] {cout, 3, 5, cin, kh, kw});
        loc.add(Local2dDendriticInput.TYPE, "stride", List.of(2, 1), "padding", List.of(1, 0));
        // eighths sum exactly in float32, so both paths agree bit for bit
        assertArrayEquals(conv.values("I"), current(loc, spikes));
    }

    @Test
    void missingKernelShapeIsRejected() {
        SpatialFixture f = new SpatialFixture(shape(1, 3, 3), shape(1, 2, 2)).rawWeights(new double[16], 1, 4, 4);
        f.add(Local2dDendriticInput.TYPE);
        assertEquals("Local2dDendriticInput on 's': needs synapse.kernel_shape = [out_ch, out_h, out_w, in_ch, kh, kw] "
                + "(WeightInitializer kernel_shape), found none", f.assertInitFails());
    }

    @Test
    void kernelShapeThatDisagreesWithTheWindowsIsRejected() {
        SpatialFixture f = new SpatialFixture(shape(1, 3, 3), shape(1, 3, 3)).rawWeights(new double[36], 1, 9, 4);
        f.syn.put("kernel_shape", new int[] {1, 3, 3, 1, 2, 2});
        f.add(Local2dDendriticInput.TYPE);
        assertEquals("Local2dDendriticInput on 's': kernel_shape [1, 3, 3, 1, 2, 2] declares out_h x out_w = 3x3 but "
                + "the windows over source 'src' give 2x2 ([1,3,3] kernel 2x2 stride (1, 1) padding (0, 0) -> 2x2)",
                f.assertInitFails());
        SpatialFixture g = new SpatialFixture(shape(1, 3, 3), shape(1, 2, 2)).rawWeights(new double[12], 1, 4, 3);
        g.syn.put("kernel_shape", new int[] {1, 2, 2, 1, 2, 2});
        g.add(Local2dDendriticInput.TYPE);
        g.assertInitFails("weights [1, 4, 3] do not match kernel_shape [1, 2, 2, 1, 2, 2], which needs [1, 4, 4]");
    }
}
