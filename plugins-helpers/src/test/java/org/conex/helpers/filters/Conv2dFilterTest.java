package org.conex.helpers.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.TensorTransform;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The Conv2dDendriticInput example of behaviors.md 8.1 #30, reused for the filter (8.2). */
class Conv2dFilterTest {
    private static final INDArray S = TestData.floats(new double[] {1, 0, 1, 0, 1, 0, 1, 0, 0}, 1, 3, 3);
    private static final INDArray W = TestData.floats(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);

    @Test
    void strideOneNoPadding() {
        INDArray out = new Conv2dFilter(W, new int[] {1}, new int[] {0}).transform(S);
        assertArrayEquals(new long[] {1, 2, 2}, out.shape());
        assertArrayEquals(new double[] {5, 5, 5, 1}, Tensors.toDoubles(out), 0);
    }

    @Test
    void strideTwoPaddingOne() {
        INDArray out = new Conv2dFilter(W, new int[] {2}, new int[] {1}).transform(S);
        assertArrayEquals(new double[] {4, 4, 4, 1}, Tensors.toDoubles(out), 0);
    }

    @Test
    void batchesTwoDimensionalImagesAndSeveralFilters() {
        INDArray two = TestData.floats(new double[] {1, 2, 3, 4, -1, -2, -3, -4}, 2, 1, 1, 2, 2);
        INDArray batch = TestData.floats(new double[] {1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 2, 1, 3, 3);
        INDArray out = new Conv2dFilter(two.reshape(2, 1, 2, 2), new int[] {1}, new int[] {0}).transform(batch);
        assertArrayEquals(new long[] {2, 2, 2, 2}, out.shape());
        assertArrayEquals(new double[] {5, 5, 5, 1, -5, -5, -5, -1, 0, 0, 0, 4, 0, 0, 0, -4}, Tensors.toDoubles(out), 0);
        INDArray flat = new Conv2dFilter(W, new int[] {1}, new int[] {0}).transform(S.reshape(3, 3));
        assertArrayEquals(new long[] {1, 2, 2}, flat.shape());
    }

    @Test
    void channelMismatchAndTooSmallInputsAreErrors() {
        Conv2dFilter f = new Conv2dFilter(W, new int[] {1}, new int[] {0});
        ConexException e = assertThrows(ConexException.class, () -> f.transform(TestData.floats(new double[18], 2, 3, 3)));
        assertTrue(e.getMessage().contains("expect 1 input channel(s)"), e.getMessage());
        assertThrows(ConexException.class, () -> f.transform(TestData.floats(new double[1], 1, 1, 1)));
        assertThrows(ConexException.class, () -> new Conv2dFilter(W, new int[] {0}, new int[] {0}));
    }

    @Test
    void registeredDoGFilterFiltersAnImage() {
        TensorTransform dog = (TensorTransform) DoGFilter.TYPE.create(Map.of("size", 3, "sigma_1", 1, "sigma_2", 2,
                "zero_mean", true, "padding", 1), HelperContext.seeded(0));
        INDArray flat = TestData.constant(25, 0.5).reshape(1, 5, 5);
        INDArray out = dog.transform(flat);
        assertArrayEquals(new long[] {1, 5, 5}, out.shape());
        assertEquals(0, out.getDouble(0, 2, 2), 1e-7); // zero-mean kernel on a constant patch
        // corner: the zero padding leaves centre, two edges and one corner of the kernel
        assertEquals(0.5 * (0.199471 + 2 * 0.065938 - 0.115806), out.getDouble(0, 0, 0), 1e-6);
    }
}
