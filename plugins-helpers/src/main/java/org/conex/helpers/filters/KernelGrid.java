package org.conex.helpers.filters;

import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The coordinate grid and the two normalizations shared by {@link DoGFilter} and
 * {@link GaborFilter} (behaviors.md 6.2).
 *
 * <p>Grid: {@code r = arange(-(size-1)/2, (size-1)/2 + step, step)}, i.e. {@code ceil(((size-1) + step) / step)}
 * values {@code r_i = -(size-1)/2 + i*step} (with step 1: {@code size} values; a fractional step
 * may give one value more, as in the reference). {@code X[i][j] = r[i]} is the row coordinate and
 * {@code Y[i][j] = r[j]} the column coordinate.
 */
public final class KernelGrid {
    private KernelGrid() {
    }

    /** The 1-D coordinates r (see the class comment). */
    public static double[] coordinates(int size, double step) {
        if (size < 1) {
            throw new IllegalArgumentException("kernel size must be >= 1, found " + size);
        }
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("grid step must be a finite number > 0, found " + step);
        }
        double start = -(size - 1) / 2.0;
        double end = (size - 1) / 2.0 + step;
        int n = (int) Math.ceil((end - start) / step);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = start + i * step;
        }
        return r;
    }

    /**
     * zero_mean: every negative entry is multiplied by {@code -P/Q} (P the sum of the positive
     * entries, Q of the negative ones) so that the total becomes 0. Without negative entries
     * nothing changes (the reference divides by zero there but applies it to nothing).
     */
    public static void zeroMean(double[] k) {
        double pos = 0;
        double neg = 0;
        for (double v : k) {
            if (v > 0) {
                pos += v;
            } else if (v < 0) {
                neg += v;
            }
        }
        if (neg == 0) {
            return;
        }
        double f = -pos / neg;
        for (int i = 0; i < k.length; i++) {
            if (k[i] < 0) {
                k[i] *= f;
            }
        }
    }

    /** one_sum: divides by the sum of absolute values (an all-zero kernel stays zero). */
    public static void oneSum(double[] k) {
        double s = 0;
        for (double v : k) {
            s += Math.abs(v);
        }
        if (s == 0) {
            return;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
    }

    /** Applies the flags, then stores the {@code n x n} values as a {@code dtype} tensor [n, n]. */
    static INDArray finish(double[] k, int n, boolean zeroMean, boolean oneSum, DType dtype) {
        if (zeroMean) {
            zeroMean(k);
        }
        if (oneSum) {
            oneSum(k);
        }
        return Tensors.of(dtype, k, n, n);
    }
}
