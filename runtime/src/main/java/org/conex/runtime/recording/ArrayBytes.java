package org.conex.runtime.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies the elements of an ND4J array into a little-endian byte buffer (for .npy files), through a
 * zero-copy view of the array's buffer; strided views are copied element by element.
 */
public final class ArrayBytes {
    private ArrayBytes() {
    }

    /**
     * Puts the elements of {@code a} (C order), or only those at {@code select} (flat indices), into
     * {@code out}.
     */
    public static void put(INDArray a, int[] select, ByteBuffer out) {
        INDArray c = contiguous(a);
        ByteBuffer raw = raw(c);
        NpyType t = NpyType.of(c.dataType());
        int w = t.width();
        if (select == null) {
            if (raw.order() == ByteOrder.LITTLE_ENDIAN || w == 1) {
                out.put(raw.duplicate());
            } else {
                for (int i = 0, n = (int) c.length(); i < n; i++) {
                    copy(raw, i * w, w, out);
                }
            }
            return;
        }
        for (int i : select) {
            copy(raw, i * w, w, out);
        }
    }

    private static void copy(ByteBuffer raw, int at, int w, ByteBuffer out) {
        switch (w) {
            case 1: out.put(raw.get(at)); break;
            case 4: out.putInt(raw.getInt(at)); break;
            default: out.putLong(raw.getLong(at)); break;
        }
    }

    /** The array itself when it is a contiguous C-order buffer, otherwise a C-order copy. */
    public static INDArray contiguous(INDArray a) {
        if (a.ordering() == 'c' && !a.isView() && a.data().length() == a.length()) {
            return a;
        }
        return a.dup('c');
    }

    /** A byte view of a contiguous array's elements (native order). */
    public static ByteBuffer raw(INDArray c) {
        int w = NpyType.of(c.dataType()).width();
        if (c.length() == 0) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer all = c.data().asNio().order(ByteOrder.nativeOrder());
        int start = Math.toIntExact(c.offset() * w);
        ByteBuffer d = all.duplicate().order(ByteOrder.nativeOrder());
        d.position(start).limit(start + Math.toIntExact(c.length() * w));
        return d.slice().order(ByteOrder.nativeOrder());
    }

    /** Whether element {@code i} (flat, C order) of a contiguous array is non-zero. */
    public static boolean nonZero(ByteBuffer raw, DataType t, int i) {
        switch (t) {
            case BOOL: return raw.get(i) != 0;
            case FLOAT: return raw.getFloat(i * 4) != 0f;
            case DOUBLE: return raw.getDouble(i * 8) != 0d;
            case INT: return raw.getInt(i * 4) != 0;
            default: return raw.getLong(i * 8) != 0L;
        }
    }
}
