package org.conex.behaviors.spatial;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between state arrays (FLOAT, DOUBLE or BOOL INDArrays, contiguous C order) and the
 * Java arrays the spatial kernels work on. The kernels copy their few inputs in once per step,
 * compute on plain arrays (which the JIT vectorises) and copy the result out once.
 */
public final class Buffers {
    private Buffers() {
    }

    /** Copies a BOOL array (one byte per element) into {@code dst}. */
    public static void readBools(INDArray a, byte[] dst) {
        check(a, dst.length);
        Views.bools(a).get(0, dst);
    }

    /** Copies a bool spike view into {@code dst}. */
    public static void readBools(ByteBuffer b, byte[] dst) {
        b.get(0, dst);
    }

    /** Copies a FLOAT or DOUBLE array into {@code dst} (exact). */
    public static void readDoubles(INDArray a, double[] dst) {
        check(a, dst.length);
        if (a.dataType() == DataType.DOUBLE) {
            Views.doubles(a).get(0, dst);
            return;
        }
        FloatBuffer f = Views.floats(a);
        for (int i = 0; i < dst.length; i++) {
            dst[i] = f.get(i);
        }
    }

    /** Copies a FLOAT array into {@code dst}. */
    public static void readFloats(INDArray a, float[] dst) {
        check(a, dst.length);
        Views.floats(a).get(0, dst);
    }

    /** Stores {@code src} into a FLOAT (rounded to float) or DOUBLE array. */
    public static void writeDoubles(double[] src, INDArray a) {
        check(a, src.length);
        if (a.dataType() == DataType.DOUBLE) {
            Views.doubles(a).put(0, src);
            return;
        }
        FloatBuffer f = Views.floats(a);
        for (int i = 0; i < src.length; i++) {
            f.put(i, (float) src[i]);
        }
    }

    /** Stores {@code src} into a FLOAT array. */
    public static void writeFloats(float[] src, INDArray a) {
        check(a, src.length);
        Views.floats(a).put(0, src);
    }

    /** Stores {@code src} into a DOUBLE array. */
    public static void writeDoublesExact(double[] src, INDArray a) {
        check(a, src.length);
        DoubleBuffer d = Views.doubles(a);
        d.put(0, src);
    }

    private static void check(INDArray a, int n) {
        if (a.length() != n) {
            throw new IllegalArgumentException("array of " + a.length() + " elements, expected " + n);
        }
    }
}
