package org.conex.api.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small factory helpers that always create contiguous C-order arrays. */
public final class Tensors {
    private Tensors() {
    }

    /** Zeros of the given ND4J type and shape. */
    public static INDArray zeros(DataType type, long... shape) {
        return Nd4j.createUninitialized(type, shape, 'c').assign(0);
    }

    /** A floating array of {@code dtype} holding {@code data} (rounded to the dtype). */
    public static INDArray of(DType dtype, double[] data, long... shape) {
        INDArray a = Nd4j.createUninitialized(dtype.nd4j(), shape, 'c');
        Vec v = Vec.of(a);
        if (v.length() != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, shape needs " + v.length());
        }
        for (int i = 0; i < data.length; i++) {
            v.set(i, data[i]);
        }
        return a;
    }

    /** A LONG array. */
    public static INDArray longs(long[] data, long... shape) {
        INDArray a = Nd4j.createUninitialized(DataType.LONG, shape, 'c');
        java.nio.LongBuffer b = Views.longs(a);
        for (int i = 0; i < data.length; i++) {
            b.put(i, data[i]);
        }
        return a;
    }

    /** A BOOL array. */
    public static INDArray bools(boolean[] data, long... shape) {
        INDArray a = zeros(DataType.BOOL, shape);
        java.nio.ByteBuffer b = Views.bools(a);
        for (int i = 0; i < data.length; i++) {
            b.put(i, data[i] ? (byte) 1 : 0);
        }
        return a;
    }

    /** Reads any numeric/bool array into doubles (C order). */
    public static double[] toDoubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
