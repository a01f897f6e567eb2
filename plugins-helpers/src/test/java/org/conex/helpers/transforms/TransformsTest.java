package org.conex.helpers.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.conex.helpers.encoders.PoissonEncoder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TransformsTest {

    @Test
    void shapeTransforms() {
        INDArray x = TestData.floats(new double[6], 2, 3);
        assertArrayEquals(new long[] {1, 2, 3}, ShapeTransforms.unsqueeze(0).transform(x).shape());
        assertArrayEquals(new long[] {2, 3, 1}, ShapeTransforms.unsqueeze(-1).transform(x).shape());
        INDArray y = TestData.floats(new double[6], 1, 2, 1, 3);
        assertArrayEquals(new long[] {2, 1, 3}, ShapeTransforms.squeeze(0).transform(y).shape());
        assertArrayEquals(new long[] {1, 2, 1, 3}, ShapeTransforms.squeeze(1).transform(y).shape(), "no-op: length 2");
        assertArrayEquals(new long[] {2, 3}, ShapeTransforms.squeeze(null).transform(y).shape());
        ConexException e = assertThrows(ConexException.class, () -> ShapeTransforms.squeeze(4).transform(y));
        assertTrue(e.getMessage().contains("axis 4 is out of range for shape [1, 2, 1, 3]"), e.getMessage());
    }

    @Test
    void swapMovesValues() {
        INDArray x = TestData.floats(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        INDArray t = ShapeTransforms.swap(0, 1).transform(x);
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, Tensors.toDoubles(t), 0);
        assertSame(x, ShapeTransforms.device("cuda").transform(x));
    }

    @Test
    void absoluteAndDivideSignPolarity() {
        assertArrayEquals(new double[] {1, 2}, Tensors.toDoubles(ValueTransforms.absolute()
                .transform(TestData.floats(new double[] {-1, 2}))), 0);
        INDArray d = ValueTransforms.divideSignPolarity().transform(TestData.floats(new double[] {-1, 2}, 1, 2));
        assertArrayEquals(new long[] {2, 2}, d.shape());
        assertArrayEquals(new double[] {0, 2, 1, 0}, Tensors.toDoubles(d), 0);
    }

    @Test
    void minMaxNormalization() {
        INDArray x = TestData.floats(new double[] {0, 5, 10, 2.5});
        INDArray copy = x.dup();
        assertArrayEquals(new double[] {0, 0.5, 1, 0.25}, Tensors.toDoubles(TensorNormalization.normalizeTensor(x)), 0);
        assertTrue(TestData.same(copy, x));
        assertArrayEquals(new double[] {0, 0.5, 1}, Tensors.toDoubles(TensorNormalization.normalizeTensor(
                TestData.floats(new double[] {-4, -2, 0}))), 0);
    }

    @Test
    void zScoreNormalization() {
        // mean 2.5, population std sqrt(1.25)
        double s = Math.sqrt(1.25);
        INDArray z = TensorNormalization.normalizeTensor(Tensors.of(org.conex.api.tensor.DType.FLOAT64,
                new double[] {1, 2, 3, 4}, 4), TensorNormalization.Method.Z_SCORE, 1e-8);
        assertArrayEquals(new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s}, Tensors.toDoubles(z), 1e-15);
    }

    @Test
    void constantInputGivesZerosNotNaN() {
        for (TensorNormalization.Method m : TensorNormalization.Method.values()) {
            double[] v = Tensors.toDoubles(TensorNormalization.normalizeTensor(TestData.constant(5, 3.0), m, 1e-8));
            assertArrayEquals(new double[5], v, 0, m.toString());
        }
        assertThrows(ConexException.class, () -> TensorNormalization.normalizeTensor(
                TestData.floats(new double[] {1, Double.NaN})));
        assertThrows(ConexException.class, () -> TensorNormalization.Method.parse("l2"));
    }

    @Test
    void pipelineComposesInOrder() {
        Pipeline p = Pipeline.of(ShapeTransforms.squeeze(0), ValueTransforms.normalize(TensorNormalization.Method.MIN_MAX,
                1e-8)).then(new PoissonEncoder(100, 20, 1, new org.conex.api.tensor.RandomStream(1)));
        INDArray image = TestData.floats(new double[] {0, 255, 0, 255}, 1, 2, 2);
        Sample s = p.apply(Sample.of(image, 7));
        assertArrayEquals(new long[] {20, 2, 2}, s.sensory().shape());
        assertEquals(7, s.label().getAsLong());
        assertEquals("Pipeline[SqueezeTransform(0), NormalizeTransform(MIN_MAX), PoissonEncoder(T=20)]", p.toString());
        long[] counts = TestData.countsPerPixel(s.sensory());
        assertEquals(0, counts[0] + counts[2]);
    }
}
