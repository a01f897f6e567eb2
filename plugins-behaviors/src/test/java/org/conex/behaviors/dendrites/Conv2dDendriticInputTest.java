package org.conex.behaviors.dendrites;

import static org.conex.behaviors.spatial.SpatialFixture.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.conex.api.model.NeuronShape;
import org.conex.behaviors.spatial.SpatialFixture;
import org.junit.jupiter.api.Test;

/** Spec section 8.1 test 30 and Appendix B.8, plus shape errors. */
class Conv2dDendriticInputTest {
    private static final int[] S = {1, 0, 1, 0, 1, 0, 1, 0, 0};
    private static final double[] W = {1, 2, 3, 4};

    private static SpatialFixture conv(NeuronShape dst, double[] w, int[] wShape, Object... params) {
        SpatialFixture f = new SpatialFixture(shape(1, 3, 3), dst).weights(w, wShape);
        f.add(Conv2dDendriticInput.TYPE, params);
        return f;
    }

    private static double[] current(SpatialFixture f, int... spikes) {
        f.initialize();
        f.putSpikes("pre_spike", spikes);
        f.forward(f.syn.behavior("Conv2dDendriticInput"));
        return f.values("I");
    }

    @Test
    void appendixB8() {
        SpatialFixture f = conv(shape(1, 2, 2), W, new int[] {1, 1, 2, 2});
        assertArrayEquals(new double[] {5, 5, 5, 1}, current(f, S));
    }

    @Test
    void appendixB8Stride2Padding1StoredOnTheSynapse() {
        SpatialFixture f = conv(shape(1, 2, 2), W, new int[] {1, 1, 2, 2}, "stride", 2, "padding", 1);
        assertArrayEquals(new double[] {4, 4, 4, 1}, current(f, S));
        assertArrayEquals(new int[] {2, 2}, (int[]) f.syn.get("stride"));
        assertArrayEquals(new int[] {1, 1}, (int[]) f.syn.get("padding"));
    }

    @Test
    void nonSquareKernelWithStrideAndPaddingPairs() {
        // source 1x2x3 [[1,0,1],[1,1,0]], kernel 1x2 [1,2], stride (1,2), padding (0,1):
        // windows over columns {-1,0} and {1,2} -> [[2,2],[2,1]]
        SpatialFixture f = new SpatialFixture(shape(1, 2, 3), shape(1, 2, 2)).weights(new double[] {1, 2}, 1, 1, 1, 2);
        f.add(Conv2dDendriticInput.TYPE, "stride", List.of(1, 2), "padding", List.of(0, 1));
        f.initialize();
        f.putSpikes("pre_spike", 1, 0, 1, 1, 1, 0);
        f.forward(f.syn.behavior("Conv2dDendriticInput"));
        assertArrayEquals(new double[] {2, 2, 2, 1}, f.values("I"));
    }

    @Test
    void float64NetworksComputeInDouble() {
        SpatialFixture f = new SpatialFixture(org.conex.api.tensor.DType.FLOAT64, shape(1, 3, 3), shape(1, 2, 2))
                .weights(new double[] {0.1, 0.2, 0.3, 0.4}, 1, 1, 2, 2);
        f.add(Conv2dDendriticInput.TYPE);
        assertArrayEquals(new double[] {0.1 + 0.4, 0.2 + 0.3, 0.2 + 0.3, 0.1}, current(f, S), 1e-15);
        assertEquals(org.nd4j.linalg.api.buffer.DataType.DOUBLE, f.syn.array("I").dataType());
    }

    @Test
    void inhibitorySourceAndCoefficientScaleTheCurrent() {
        SpatialFixture f = conv(shape(1, 2, 2), W, new int[] {1, 1, 2, 2}, "current_coef", 0.5);
        f.src.addTag("inh");
        assertArrayEquals(new double[] {-2.5, -2.5, -2.5, -0.5}, current(f, S));
    }

    @Test
    void wrongDestinationSizeIsRejected() {
        SpatialFixture f = conv(shape(1, 3, 3), W, new int[] {1, 1, 2, 2});
        String m = f.assertInitFails();
        assertEquals("Conv2dDendriticInput on 's': destination 'dst' has shape 1x3x3 but the convolution of source 'src' "
                + "(1x3x3) gives 1x2x2 ([1,3,3] kernel 2x2 stride (1, 1) padding (0, 0) -> 2x2; "
                + "H_out = floor((H + 2*padding - kh) / stride) + 1)", m);
    }

    @Test
    void kernelLargerThanThePaddedInputIsRejected() {
        SpatialFixture f = conv(shape(1, 1, 1), new double[16], new int[] {1, 1, 4, 4}, "padding", 0);
        String m = f.assertInitFails();
        assertEquals("Conv2dDendriticInput on 's': source 'src': kernel 4x4 is larger than the padded input 3x3 "
                + "(input 3x3, padding (0, 0))", m);
    }

    @Test
    void channelMismatchesAreRejected() {
        // WeightInitializer checks this too; raw weights reach the input's own check
        SpatialFixture f = new SpatialFixture(shape(1, 3, 3), shape(1, 2, 2)).rawWeights(new double[8], 1, 2, 2, 2);
        f.add(Conv2dDendriticInput.TYPE);
        f.assertInitFails("weights [1, 2, 2, 2] have C_in = 2 but source 'src' has depth 1 (shape 1x3x3)");
        f = new SpatialFixture(shape(1, 3, 3), shape(1, 2, 2)).rawWeights(new double[8], 2, 1, 2, 2);
        f.add(Conv2dDendriticInput.TYPE);
        f.assertInitFails("weights [2, 1, 2, 2] have C_out = 2 but destination 'dst' has depth 1 (shape 1x2x2)");
        f = new SpatialFixture(shape(1, 3, 3), shape(1, 2, 2)).rawWeights(new double[4], 2, 2);
        f.add(Conv2dDendriticInput.TYPE);
        f.assertInitFails("needs 4-D weights [C_out, C_in, kh, kw] (WeightInitializer weight_shape), found dense [2, 2]");
    }

    @Test
    void badStrideIsRejected() {
        conv(shape(1, 2, 2), W, new int[] {1, 1, 2, 2}, "stride", List.of(1, 0))
                .assertInitFails("Conv2dDendriticInput on 's': parameter 'stride' entries must be >= 1, found [1, 0]");
        conv(shape(1, 2, 2), W, new int[] {1, 1, 2, 2}, "padding", List.of(1, 1, 1))
                .assertInitFails("parameter 'padding' must be an int or a pair [vertical, horizontal], found [1, 1, 1]");
    }
}
