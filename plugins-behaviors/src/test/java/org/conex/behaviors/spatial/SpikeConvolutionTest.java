package org.conex.behaviors.spatial;

import static org.conex.behaviors.spatial.SpatialTestSupport.floats;
import static org.conex.behaviors.spatial.SpatialTestSupport.spikes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

class SpikeConvolutionTest {
    /** Spec Appendix B.8: S = [[1,0,1],[0,1,0],[1,0,0]], W = [[1,2],[3,4]]. */
    private static final int[] S = {1, 0, 1, 0, 1, 0, 1, 0, 0};
    private static final INDArray W = floats(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);

    private static double[] run(ConvGeometry g, int outCh, KernelPath path, int[] s, INDArray w) {
        return new SpikeConvolution(g, outCh).path(path).compute(spikes(s), Vec.of(w)).clone();
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void appendixB8NoPadding(KernelPath path) {
        ConvGeometry g = new ConvGeometry(1, 3, 3, 2, 2, 1, 1, 0, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {5, 5, 5, 1}, run(g, 1, path, S, W));
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void appendixB8Stride2Padding1(KernelPath path) {
        ConvGeometry g = new ConvGeometry(1, 3, 3, 2, 2, 2, 2, 1, 1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {4, 4, 4, 1}, run(g, 1, path, S, W));
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void nonSquareInputKernelStrideAndPadding(KernelPath path) {
        // input 1x2x3 [[1,0,1],[1,1,0]], kernel 1x2 W = [1,2]
        int[] s = {1, 0, 1, 1, 1, 0};
        INDArray w = floats(new double[] {1, 2}, 1, 1, 1, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2, 3, 1},
                run(new ConvGeometry(1, 2, 3, 1, 2, 1, 1, 0, 0), 1, path, s, w));
        // stride (1, 2), padding (0, 1): windows over columns {-1,0} and {1,2}
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {2, 2, 2, 1},
                run(new ConvGeometry(1, 2, 3, 1, 2, 1, 2, 0, 1), 1, path, s, w));
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void twoOutputChannelsAreFlattenedChannelMajor(KernelPath path) {
        ConvGeometry g = new ConvGeometry(1, 3, 3, 2, 2, 1, 1, 0, 0);
        INDArray w = floats(new double[] {1, 2, 3, 4, 1, 1, 1, 1}, 2, 1, 2, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {5, 5, 5, 1, 2, 2, 2, 1},
                run(g, 2, path, S, w));
    }

    @ParameterizedTest
    @EnumSource(value = KernelPath.class, names = {"EVENT", "GEMM"})
    void matchesTheDefinitionOnRandomMultiChannelInput(KernelPath path) {
        SplittableRandom r = new SplittableRandom(7);
        ConvGeometry[] gs = {
            new ConvGeometry(2, 6, 6, 3, 3, 1, 1, 0, 0),
            new ConvGeometry(3, 7, 5, 3, 2, 2, 1, 1, 2),
            new ConvGeometry(2, 9, 8, 4, 3, 3, 2, 2, 1),
        };
        for (ConvGeometry g : gs) {
            int outCh = 3;
            int[] s = SpatialTestSupport.randomBits(r, g.inputSize(), 0.4);
            double[] w = SpatialTestSupport.randomValues(r, outCh * g.patchSize());
            INDArray wa = floats(w, outCh, g.channels(), g.kernelH(), g.kernelW());
            double[] expected = SpatialTestSupport.naiveConv(g, outCh, SpatialTestSupport.toDoubles(s),
                    w);
            double[] got = run(g, outCh, path, s, wa);
            for (int i = 0; i < expected.length; i++) {
                // float32 sums of at most 24 terms in [0,1): order differences stay below 1e-5
                assertEquals(expected[i], got[i], 1e-5, g + " element " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void autoPicksTheScatterForSparseSpikesAndGemmForDenseBigMaps() {
        ConvGeometry g = new ConvGeometry(8, 64, 64, 5, 5, 1, 1, 2, 2);
        SpikeConvolution conv = new SpikeConvolution(g, 16);
        INDArray w = floats(new double[16 * g.patchSize()], 16, 8, 5, 5);
        int[] sparse = new int[g.inputSize()];
        sparse[100] = 1;
        conv.compute(spikes(sparse), Vec.of(w));
        assertFalse(conv.lastUsedGemm());
        int[] dense = new int[g.inputSize()];
        java.util.Arrays.fill(dense, 1);
        conv.compute(spikes(dense), Vec.of(w));
        assertTrue(conv.lastUsedGemm());
    }
}
