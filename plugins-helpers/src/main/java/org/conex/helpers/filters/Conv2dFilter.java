package org.conex.helpers.filters;

import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.TensorValue;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.helper.TensorTransform;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CoNeX {@code Conv2dFilter}: 2-D cross-correlation (no kernel flip, no bias) of an image with a
 * filter bank {@code [O, C, kh, kw]}, with zero padding and stride, exactly the operation of
 * {@code Conv2dDendriticInput}. Input {@code [C, H, W]} gives {@code [O, H', W']}; a batch
 * {@code [B, C, H, W]} gives {@code [B, O, H', W']}; a single-channel image {@code [H, W]} is read
 * as {@code [1, H, W]}. {@code H' = floor((H + 2 pad_h - kh) / stride_h) + 1}, likewise W'.
 *
 * <p>Sums are taken in double in (c, i, j) order and rounded once to the output dtype (the input's
 * floating type, float32 for integer inputs). Images are small, so a fused loop beats the set-up
 * cost of a library convolution and stays deterministic; the input is never modified.
 */
public final class Conv2dFilter implements TensorTransform {
    /** The {@code stride} parameter: one int for both axes or [stride_h, stride_w]; default 1. */
    public static final ParamSpec STRIDE = ParamSpec.of("stride", ParamKind.INTS).withDefault(new int[] {1})
            .atLeast(1).doc("step between output positions (one value or [h, w])");
    /** The {@code padding} parameter: zero rows/columns added on each side; default 0. */
    public static final ParamSpec PADDING = ParamSpec.of("padding", ParamKind.INTS).withDefault(new int[] {0})
            .atLeast(0).doc("zeros added on each side (one value or [h, w])");

    /** Registered as "Conv2dFilter": filters [O, C, kh, kw], stride, padding. */
    public static final HelperType TYPE = HelperType.builder("Conv2dFilter", HelperKind.FILTER,
                    (p, ctx) -> new Conv2dFilter(filters(p.tensor("filters")), p.ints("stride"), p.ints("padding")))
            .params(ParamSpec.of("filters", ParamKind.TENSOR).asRequired().doc("filter bank [O, C, kh, kw]"),
                    STRIDE, PADDING)
            .description("2-D cross-correlation with a filter bank, no bias")
            .build();

    private final double[] w;
    private final int out;
    private final int channels;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;

    /**
     * @param filters filter bank [O, C, kh, kw] (copied)
     * @param stride  one value or [h, w], each >= 1
     * @param padding one value or [h, w], each >= 0
     */
    public Conv2dFilter(INDArray filters, int[] stride, int[] padding) {
        if (filters.rank() != 4) {
            throw new ConexException("Conv2dFilter: filters must be [O, C, kh, kw], found shape "
                    + Arrays.toString(filters.shape()));
        }
        this.w = Tensors.toDoubles(filters);
        this.out = (int) filters.size(0);
        this.channels = (int) filters.size(1);
        this.kh = (int) filters.size(2);
        this.kw = (int) filters.size(3);
        int[] s = pair("stride", stride, 1);
        int[] p = pair("padding", padding, 0);
        this.sh = s[0];
        this.sw = s[1];
        this.ph = p[0];
        this.pw = p[1];
    }

    /** One 2-D kernel {@code [k, k]} as a 1 x 1 filter bank. */
    public static Conv2dFilter single(INDArray kernel, int[] stride, int[] padding) {
        return new Conv2dFilter(kernel.reshape(1, 1, kernel.size(0), kernel.size(1)), stride, padding);
    }

    private static INDArray filters(TensorValue t) {
        return t.toArray(DType.FLOAT64);
    }

    private static int[] pair(String what, int[] v, int min) {
        if (v == null || v.length < 1 || v.length > 2) {
            throw new ConexException("Conv2dFilter: " + what + " must be one integer or two, found "
                    + Arrays.toString(v));
        }
        int[] r = v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
        if (r[0] < min || r[1] < min) {
            throw new ConexException("Conv2dFilter: " + what + " must be >= " + min + ", found " + Arrays.toString(v));
        }
        return r;
    }

    /** The filter bank as [O, C, kh, kw] float64 (a copy). */
    public INDArray filters() {
        return Tensors.of(DType.FLOAT64, w, out, channels, kh, kw);
    }

    @Override
    public INDArray transform(INDArray x) {
        long[] s = x.shape();
        int batch;
        int h;
        int wd;
        if (x.rank() == 2) {
            batch = 0;
            check(1, s);
            h = (int) s[0];
            wd = (int) s[1];
        } else if (x.rank() == 3) {
            batch = 0;
            check((int) s[0], s);
            h = (int) s[1];
            wd = (int) s[2];
        } else if (x.rank() == 4) {
            batch = (int) s[0];
            check((int) s[1], s);
            h = (int) s[2];
            wd = (int) s[3];
        } else {
            throw new ConexException("Conv2dFilter: input must be [H, W], [C, H, W] or [B, C, H, W], found shape "
                    + Arrays.toString(s));
        }
        int oh = (h + 2 * ph - kh) / sh + 1;
        int ow = (wd + 2 * pw - kw) / sw + 1;
        if (h + 2 * ph < kh || wd + 2 * pw < kw) {
            throw new ConexException("Conv2dFilter: a " + kh + "x" + kw + " kernel does not fit a " + h + "x" + wd
                    + " input with padding " + ph + "x" + pw);
        }
        double[] in = Tensors.toDoubles(x);
        int n = Math.max(batch, 1);
        double[] res = new double[n * out * oh * ow];
        for (int b = 0; b < n; b++) {
            correlate(in, b * channels * h * wd, h, wd, res, b * out * oh * ow, oh, ow);
        }
        DType dtype = x.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
        return batch == 0 ? Tensors.of(dtype, res, out, oh, ow) : Tensors.of(dtype, res, batch, out, oh, ow);
    }

    private void check(int c, long[] shape) {
        if (c != channels) {
            throw new ConexException("Conv2dFilter: filters expect " + channels + " input channel(s), input shape "
                    + Arrays.toString(shape) + " has " + c);
        }
    }

    private void correlate(double[] in, int inOff, int h, int wd, double[] res, int resOff, int oh, int ow) {
        for (int o = 0; o < out; o++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        int wOff = ((o * channels) + c) * kh * kw;
                        int cOff = inOff + c * h * wd;
                        for (int i = 0; i < kh; i++) {
                            int row = y * sh - ph + i;
                            if (row < 0 || row >= h) {
                                continue;
                            }
                            for (int j = 0; j < kw; j++) {
                                int col = xo * sw - pw + j;
                                if (col >= 0 && col < wd) {
                                    sum += w[wOff + i * kw + j] * in[cOff + row * wd + col];
                                }
                            }
                        }
                    }
                    res[resOff + (o * oh + y) * ow + xo] = sum;
                }
            }
        }
    }
}
