package org.conex.api.tensor;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A zero-copy, flat (C-order) view of a floating INDArray's data for fused per-step kernels.
 * Values are read and written as doubles; for a float32 array a write stores {@code (float) v}.
 * Kernels that want the reference's float32 semantics round every intermediate with
 * {@link DType#round(double)} (or {@link #round(double)}).
 *
 * <p>Obtain one with {@link #of(INDArray)}; it stays valid as long as the array is not replaced.
 */
public abstract sealed class Vec permits Vec.F32, Vec.F64 {
    private final INDArray array;

    Vec(INDArray array) {
        this.array = array;
    }

    /** Creates a view of a contiguous C-order FLOAT or DOUBLE array. */
    public static Vec of(INDArray array) {
        switch (array.dataType()) {
            case FLOAT: return new F32(array, Views.floats(array));
            case DOUBLE: return new F64(array, Views.doubles(array));
            default:
                throw new IllegalArgumentException("Vec needs a FLOAT or DOUBLE array, found " + array.dataType());
        }
    }

    /** The viewed array. */
    public INDArray array() {
        return array;
    }

    /** Number of elements. */
    public abstract int length();

    public abstract double get(int i);

    public abstract void set(int i, double v);

    /** Adds {@code v} to element i (rounded to the element type). */
    public void add(int i, double v) {
        set(i, get(i) + v);
    }

    /** Rounds to this view's precision. */
    public abstract double round(double v);

    public abstract DType dtype();

    /** Sets every element to {@code v}. */
    public void fill(double v) {
        for (int i = 0, n = length(); i < n; i++) {
            set(i, v);
        }
    }

    /** Float32 view. The raw buffer is exposed for specialised hot loops. */
    public static final class F32 extends Vec {
        private final FloatBuffer buf;

        F32(INDArray a, FloatBuffer buf) {
            super(a);
            this.buf = buf;
        }

        public FloatBuffer buffer() {
            return buf;
        }

        @Override public int length() { return buf.capacity(); }
        @Override public double get(int i) { return buf.get(i); }
        @Override public void set(int i, double v) { buf.put(i, (float) v); }
        @Override public double round(double v) { return (float) v; }
        @Override public DType dtype() { return DType.FLOAT32; }
    }

    /** Float64 view. */
    public static final class F64 extends Vec {
        private final DoubleBuffer buf;

        F64(INDArray a, DoubleBuffer buf) {
            super(a);
            this.buf = buf;
        }

        public DoubleBuffer buffer() {
            return buf;
        }

        @Override public int length() { return buf.capacity(); }
        @Override public double get(int i) { return buf.get(i); }
        @Override public void set(int i, double v) { buf.put(i, v); }
        @Override public double round(double v) { return v; }
        @Override public DType dtype() { return DType.FLOAT64; }
    }
}
