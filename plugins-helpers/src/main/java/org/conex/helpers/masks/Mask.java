package org.conex.helpers.masks;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.helper.TensorTransform;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * K boolean masks over an H x W image, built by {@link MaskBuilder}: a BOOL tensor
 * {@code [K, H, W]} (true = the pixel belongs to the mask). {@link #keep()} and {@link #erase()}
 * apply it to images; {@link #union()} gives the pixels covered by any mask, e.g. to select the
 * neurons of an input layer that receive data.
 */
public final class Mask {
    private final boolean[][] masks;
    private final int height;
    private final int width;

    Mask(boolean[][] masks, int height, int width) {
        this.masks = masks;
        this.height = height;
        this.width = width;
    }

    /** Number of masks K. */
    public int count() {
        return masks.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The masks as a new BOOL tensor {@code [K, H, W]}. */
    public INDArray array() {
        INDArray a = Tensors.zeros(DataType.BOOL, masks.length, height, width);
        ByteBuffer b = Views.bools(a);
        for (int k = 0; k < masks.length; k++) {
            for (int p = 0; p < height * width; p++) {
                b.put(k * height * width + p, masks[k][p] ? (byte) 1 : 0);
            }
        }
        return a;
    }

    /** Pixels covered by any mask: BOOL {@code [H, W]}. */
    public INDArray union() {
        boolean[] u = new boolean[height * width];
        for (boolean[] m : masks) {
            for (int p = 0; p < u.length; p++) {
                u[p] |= m[p];
            }
        }
        return Tensors.bools(u, height, width);
    }

    /** Fraction of the image mask {@code k} covers, in [0, 1]. */
    public double coverage(int k) {
        int c = 0;
        for (boolean v : masks[k]) {
            c += v ? 1 : 0;
        }
        return c / (double) (height * width);
    }

    /** {@code [C, H, W]} or {@code [H, W]} to {@code [K, C, H, W]}: pixels outside each mask set to 0. */
    public TensorTransform keep() {
        return x -> apply(x, true);
    }

    /** {@code [C, H, W]} or {@code [H, W]} to {@code [K, C, H, W]}: pixels inside each mask set to 0. */
    public TensorTransform erase() {
        return x -> apply(x, false);
    }

    private INDArray apply(INDArray x, boolean keep) {
        long[] s = x.shape();
        if ((x.rank() != 2 && x.rank() != 3) || s[x.rank() - 2] != height || s[x.rank() - 1] != width) {
            throw new ConexException("Mask: expected an image [C, " + height + ", " + width + "] or [" + height + ", "
                    + width + "], found shape " + Arrays.toString(s));
        }
        int c = x.rank() == 3 ? (int) s[0] : 1;
        int hw = height * width;
        double[] in = Tensors.toDoubles(x);
        double[] out = new double[masks.length * c * hw];
        for (int k = 0; k < masks.length; k++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    if (masks[k][p] == keep) {
                        out[(k * c + ch) * hw + p] = in[ch * hw + p];
                    }
                }
            }
        }
        DType d = x.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
        return Tensors.of(d, out, masks.length, c, height, width);
    }
}
