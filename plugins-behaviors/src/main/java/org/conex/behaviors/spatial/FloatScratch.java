package org.conex.behaviors.spatial;

import java.nio.FloatBuffer;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A FLOAT INDArray owned by a kernel (an operand or result of a GEMM) together with its zero-copy
 * buffer view, created once so per-step bulk copies between Java arrays and the array allocate
 * nothing.
 */
final class FloatScratch {
    final INDArray array;
    final FloatBuffer buffer;

    /** Zeros of the given shape (C order). */
    FloatScratch(long... shape) {
        array = Tensors.zeros(DataType.FLOAT, shape);
        buffer = Views.floats(array);
    }

    /** Copies {@code src} into the array. */
    void put(float[] src) {
        buffer.put(0, src);
    }

    /** Copies the array into {@code dst}. */
    void get(double[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = buffer.get(i);
        }
    }
}
