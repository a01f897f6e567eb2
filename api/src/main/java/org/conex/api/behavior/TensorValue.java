package org.conex.api.behavior;

import java.util.Arrays;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An immutable tensor-valued parameter (values in C order plus shape), kept free of ND4J until a
 * behavior materialises it in the network's dtype with {@link #toArray(DType)}.
 */
public final class TensorValue {
    private final double[] data;
    private final long[] shape;

    public TensorValue(double[] data, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + n
                    + " values, found " + data.length);
        }
        this.data = data.clone();
        this.shape = shape.clone();
    }

    /** A rank-1 tensor. */
    public static TensorValue vector(double... data) {
        return new TensorValue(data, new long[] {data.length});
    }

    public double[] data() {
        return data.clone();
    }

    /** Element i (C order) without copying. */
    public double get(int i) {
        return data[i];
    }

    public long[] shape() {
        return shape.clone();
    }

    public int length() {
        return data.length;
    }

    public int rank() {
        return shape.length;
    }

    /** A new floating INDArray of this value in {@code dtype}. */
    public INDArray toArray(DType dtype) {
        return Tensors.of(dtype, data, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorValue && Arrays.equals(data, ((TensorValue) o).data)
                && Arrays.equals(shape, ((TensorValue) o).shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "tensor" + Arrays.toString(shape);
    }
}
