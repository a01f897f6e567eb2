package org.conex.behaviors.spatial;

import org.conex.api.model.NeuronShape;

/**
 * The index geometry of a 2-D sliding window (torch {@code conv2d} / {@code unfold}) over an input
 * volume {@code [C, H, W]}: kernel {@code kh x kw}, stride {@code (sh, sw)} and zero padding
 * {@code (ph, pw)} on both sides. Output size {@code H_out = floor((H + 2 ph - kh) / sh) + 1}
 * (likewise {@code W_out}); {@code L = H_out * W_out} output locations in row-major order.
 *
 * <p>Unfold (im2col) convention, shared by every spatial behavior: the patch element index of
 * input channel {@code c}, kernel row {@code i} and column {@code j} is {@code k = (c*kh + i)*kw + j}
 * ({@code K = C*kh*kw} elements), and {@code U[k, y*W_out + x] = X_pad[c, y*sh + i, x*sw + j]}.
 * This is cross-correlation: the kernel is not flipped.
 *
 * <p>For event-driven kernels the geometry also answers the inverse question: which (kernel row,
 * output row) pairs see input row {@code y} ({@link #rowTaps}), and the same for columns.
 *
 * @param channels input channels C (&gt;= 1)
 * @param height   input height H
 * @param width    input width W
 * @param kernelH  kernel height kh (&gt;= 1)
 * @param kernelW  kernel width kw (&gt;= 1)
 * @param strideH  vertical stride sh (&gt;= 1)
 * @param strideW  horizontal stride sw (&gt;= 1)
 * @param padH     zero rows added above and below (&gt;= 0)
 * @param padW     zero columns added left and right (&gt;= 0)
 */
public record ConvGeometry(int channels, int height, int width, int kernelH, int kernelW,
                           int strideH, int strideW, int padH, int padW) {

    /**
     * @throws IllegalArgumentException if a size is not positive, a padding is negative, or the
     *                                  kernel is larger than the padded input
     */
    public ConvGeometry {
        positive("input channels", channels);
        positive("input height", height);
        positive("input width", width);
        positive("kernel height", kernelH);
        positive("kernel width", kernelW);
        positive("stride height", strideH);
        positive("stride width", strideW);
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("padding must be >= 0, found (" + padH + ", " + padW + ")");
        }
        if (kernelH > height + 2 * padH || kernelW > width + 2 * padW) {
            throw new IllegalArgumentException("kernel " + kernelH + "x" + kernelW + " is larger than the padded input "
                    + (height + 2 * padH) + "x" + (width + 2 * padW) + " (input " + height + "x" + width
                    + ", padding (" + padH + ", " + padW + "))");
        }
    }

    /** The geometry of a window over a neuron group's {@code depth x height x width} shape. */
    public static ConvGeometry of(NeuronShape input, int kernelH, int kernelW, int[] stride, int[] padding) {
        return new ConvGeometry(input.depth(), input.height(), input.width(), kernelH, kernelW,
                stride[0], stride[1], padding[0], padding[1]);
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, found " + v);
        }
    }

    /** {@code H_out = floor((H + 2 ph - kh) / sh) + 1}. */
    public int outHeight() {
        return (height + 2 * padH - kernelH) / strideH + 1;
    }

    /** {@code W_out = floor((W + 2 pw - kw) / sw) + 1}. */
    public int outWidth() {
        return (width + 2 * padW - kernelW) / strideW + 1;
    }

    /** Number of output locations {@code L = H_out * W_out}. */
    public int locations() {
        return outHeight() * outWidth();
    }

    /** Patch length {@code K = C * kh * kw}. */
    public int patchSize() {
        return channels * kernelH * kernelW;
    }

    /** Input size {@code C * H * W}. */
    public int inputSize() {
        return channels * height * width;
    }

    /** The output map {@code channels x H_out x W_out} as a neuron shape (for messages and checks). */
    public NeuronShape outputShape(int outChannels) {
        return new NeuronShape(outChannels, outHeight(), outWidth());
    }

    /**
     * For each input row {@code y}, the (kernel row i, output row oy) pairs with
     * {@code oy*sh + i - ph == y}, flattened as {@code [i0, oy0, i1, oy1, ...]}.
     */
    public int[][] rowTaps() {
        return taps(height, kernelH, strideH, padH, outHeight());
    }

    /** For each input column {@code x}, the (kernel column j, output column ox) pairs; see {@link #rowTaps}. */
    public int[][] colTaps() {
        return taps(width, kernelW, strideW, padW, outWidth());
    }

    /**
     * For every output location l and patch element k, the flat input index the patch reads
     * ({@code (c*H + iy)*W + ix}), or -1 where it reads the zero padding; flat {@code l*K + k}.
     */
    public int[] patchSources() {
        int outW = outWidth();
        int kSize = patchSize();
        int[] src = new int[locations() * kSize];
        for (int l = 0; l < locations(); l++) {
            int y0 = (l / outW) * strideH - padH;
            int x0 = (l % outW) * strideW - padW;
            for (int c = 0, k = 0; c < channels; c++) {
                for (int i = 0; i < kernelH; i++) {
                    for (int j = 0; j < kernelW; j++, k++) {
                        int iy = y0 + i;
                        int ix = x0 + j;
                        boolean inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                        src[l * kSize + k] = inside ? (c * height + iy) * width + ix : -1;
                    }
                }
            }
        }
        return src;
    }

    private static int[][] taps(int in, int k, int s, int p, int out) {
        int[][] t = new int[in][];
        for (int y = 0; y < in; y++) {
            int[] buf = new int[2 * k];
            int n = 0;
            for (int i = 0; i < k; i++) {
                int num = y + p - i;
                if (num >= 0 && num % s == 0 && num / s < out) {
                    buf[n++] = i;
                    buf[n++] = num / s;
                }
            }
            t[y] = java.util.Arrays.copyOf(buf, n);
        }
        return t;
    }

    @Override
    public String toString() {
        return "[" + channels + "," + height + "," + width + "] kernel " + kernelH + "x" + kernelW + " stride ("
                + strideH + ", " + strideW + ") padding (" + padH + ", " + padW + ") -> " + outHeight() + "x"
                + outWidth();
    }
}
