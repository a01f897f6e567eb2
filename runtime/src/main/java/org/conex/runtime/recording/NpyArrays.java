package org.conex.runtime.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Whole arrays to and from .npy bytes (checkpoint entries). Values are copied bit for bit. */
public final class NpyArrays {
    private NpyArrays() {
    }

    /** Writes {@code a} as a complete .npy document (a 0-d array for a scalar). */
    public static void write(INDArray a, OutputStream out) throws IOException {
        long[] shape = a.shape();
        NpyHeader h;
        if (shape.length == 0) {
            h = new NpyHeader(NpyType.of(a.dataType()), 1, new long[0]);
        } else {
            long[] rest = new long[shape.length - 1];
            System.arraycopy(shape, 1, rest, 0, rest.length);
            h = new NpyHeader(NpyType.of(a.dataType()), shape[0], rest);
        }
        byte[] head = h.bytes();
        if (shape.length == 0) {
            head = new String(head, java.nio.charset.StandardCharsets.US_ASCII).replace("'shape': (1,)",
                    "'shape': ()  ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        out.write(head);
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(a.length() * h.type().width())).order(ByteOrder.LITTLE_ENDIAN);
        ArrayBytes.put(a, null, b);
        out.write(b.array(), 0, b.position());
    }

    /** Reads a complete .npy document written by {@link #write} (or NumPy, C order, version 1/2). */
    public static INDArray read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        NpyHeader.Parsed p = NpyHeader.parse(ByteBuffer.wrap(all));
        NpyHeader h = p.header();
        long[] shape;
        if (p.scalar()) {
            shape = new long[0];
        } else {
            long[] rest = h.rowShape();
            shape = new long[rest.length + 1];
            shape[0] = h.rows();
            System.arraycopy(rest, 0, shape, 1, rest.length);
        }
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int count = Math.toIntExact(n);
        ByteBuffer b = ByteBuffer.wrap(all, p.dataOffset(), all.length - p.dataOffset()).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < (long) count * h.type().width()) {
            throw new IOException("truncated .npy data: expected " + count + " elements of " + h.type().descr());
        }
        INDArray flat;
        switch (h.type()) {
            case FLOAT32: {
                float[] v = new float[count];
                b.asFloatBuffer().get(v);
                flat = Nd4j.createFromArray(v);
                break;
            }
            case FLOAT64: {
                double[] v = new double[count];
                b.asDoubleBuffer().get(v);
                flat = Nd4j.createFromArray(v);
                break;
            }
            case INT64: {
                long[] v = new long[count];
                b.asLongBuffer().get(v);
                flat = Nd4j.createFromArray(v);
                break;
            }
            case INT32: {
                int[] v = new int[count];
                b.asIntBuffer().get(v);
                flat = Nd4j.createFromArray(v);
                break;
            }
            default: {
                boolean[] v = new boolean[count];
                for (int i = 0; i < count; i++) {
                    v[i] = b.get(i) != 0;
                }
                flat = Nd4j.createFromArray(v);
            }
        }
        return shape.length == 0 ? flat.reshape(new long[0]) : flat.reshape('c', shape);
    }
}
