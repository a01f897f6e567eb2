package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class VecTest {
    @Test
    void viewsOfARowSeeOnlyThatRowAndWriteThrough() {
        INDArray m = Tensors.of(DType.FLOAT32, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Vec row = Vec.of(m.getRow(1));
        assertEquals(3, row.length());
        assertEquals(4.0, row.get(0));
        row.set(2, 9.5);
        assertEquals(9.5, m.getDouble(1, 2));
    }

    @Test
    void float32ViewsRoundLikeFloatArithmetic() {
        Vec v = Vec.of(Tensors.zeros(DType.FLOAT32.nd4j(), 1));
        v.set(0, 0.1);
        assertEquals((double) 0.1f, v.get(0));
        float a = 0.1f;
        float b = 0.7f;
        assertEquals((double) (a * b + a), v.round(v.round((double) a * b) + a));
        assertEquals(0.1, Vec.of(Tensors.of(DType.FLOAT64, new double[] {0.1}, 1)).get(0));
    }

    @Test
    void stridedViewsAreRefused() {
        INDArray m = Tensors.of(DType.FLOAT32, new double[] {1, 2, 3, 4}, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> Vec.of(m.getColumn(0)));
    }
}
