package org.conex.structures.layer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch's frames for {@link SpikeNdDataset}: the tensor's trailing {@code ndim} axes are one
 * frame, all leading axes are flattened (C order) into the frame index; values are stored as 0/1
 * bytes, frame-major, so a step copies one contiguous slice into the layer's BOOL vector.
 */
final class SpikeFrames {
    final byte[] bits;
    final int count;
    final int length;
    final long[] frameShape;

    private SpikeFrames(byte[] bits, int count, int length, long[] frameShape) {
        this.bits = bits;
        this.count = count;
        this.length = length;
        this.frameShape = frameShape;
    }

    static SpikeFrames of(SpikeNdDataset owner, INDArray a, int ndim, String what, SpikeFrames previous) {
        if (a == null) {
            throw owner.fail("have_" + what + " is true but a batch has no " + what + " tensor");
        }
        long[] shape = a.shape();
        if (shape.length < ndim) {
            throw owner.fail(what + " tensor has shape " + Arrays.toString(shape) + ", fewer than"
                    + " ndim_" + what + " = " + ndim + " axes");
        }
        long[] frame = Arrays.copyOfRange(shape, shape.length - ndim, shape.length);
        long len = 1;
        for (long d : frame) {
            len *= d;
        }
        if (len == 0 || len > Integer.MAX_VALUE || a.length() > Integer.MAX_VALUE) {
            throw owner.fail(what + " frames of shape " + Arrays.toString(frame) + " are not supported");
        }
        if (previous != null && previous.length != len) {
            throw owner.fail(what + " frames changed from " + previous.describe() + " to "
                    + Arrays.toString(frame) + " between batches");
        }
        byte[] bits = new byte[(int) a.length()];
        if (a.dataType() == DataType.BOOL) {
            Views.bools(a.isView() || a.ordering() != 'c' ? a.dup('c') : a).get(0, bits);
        } else {
            double[] v = Tensors.toDoubles(a);
            for (int k = 0; k < v.length; k++) {
                bits[k] = v[k] != 0 ? (byte) 1 : 0;
            }
        }
        return new SpikeFrames(bits, (int) (a.length() / len), (int) len, frame);
    }

    /** The frames as BOOL {@code [count, ...frameShape]}; {@link #of} with ndim = frameShape.length reads it back. */
    INDArray toArray() {
        boolean[] b = new boolean[bits.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = bits[k] != 0;
        }
        long[] shape = new long[frameShape.length + 1];
        shape[0] = count;
        System.arraycopy(frameShape, 0, shape, 1, frameShape.length);
        return Tensors.bools(b, shape);
    }

    void copy(int i, ByteBuffer into) {
        into.put(0, bits, i * length, length);
    }

    String describe() {
        return "shape " + Arrays.toString(frameShape);
    }
}
