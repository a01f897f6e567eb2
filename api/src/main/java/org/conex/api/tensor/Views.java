package org.conex.api.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Zero-copy NIO views of an INDArray's data (flat, C order), for hand-written kernels.
 * Each view covers exactly {@code array.length()} elements starting at the array's offset.
 * Arrays must be contiguous in C order (every array the platform creates is).
 */
public final class Views {
    private Views() {
    }

    private static ByteBuffer bytes(INDArray a, DataType expected, int width) {
        if (a.dataType() != expected) {
            throw new IllegalArgumentException("expected a " + expected + " array, found " + a.dataType());
        }
        if (a.length() > 0 && (a.ordering() != 'c' || !a.isView() && a.data().length() < a.length())) {
            throw new IllegalArgumentException("expected a contiguous C-order array");
        }
        if (a.isView() && !isContiguous(a)) {
            throw new IllegalArgumentException("expected a contiguous C-order array, found a strided view");
        }
        if (a.length() == 0) {
            return ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());
        }
        ByteBuffer all = a.data().asNio().order(ByteOrder.nativeOrder());
        int start = Math.toIntExact(a.offset() * width);
        int len = Math.toIntExact(a.length() * width);
        ByteBuffer dup = all.duplicate().order(ByteOrder.nativeOrder());
        dup.position(start).limit(start + len);
        return dup.slice().order(ByteOrder.nativeOrder());
    }

    private static boolean isContiguous(INDArray a) {
        long expected = 1;
        long[] shape = a.shape();
        long[] stride = a.stride();
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    public static FloatBuffer floats(INDArray a) {
        return bytes(a, DataType.FLOAT, 4).asFloatBuffer();
    }

    public static DoubleBuffer doubles(INDArray a) {
        return bytes(a, DataType.DOUBLE, 8).asDoubleBuffer();
    }

    public static LongBuffer longs(INDArray a) {
        return bytes(a, DataType.LONG, 8).asLongBuffer();
    }

    /** BOOL arrays hold one byte per element: 0 = false, anything else = true. */
    public static ByteBuffer bools(INDArray a) {
        return bytes(a, DataType.BOOL, 1);
    }
}
