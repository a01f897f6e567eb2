package org.conex.behaviors.synapses;

import java.util.Arrays;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How weights split into the groups whose totals WeightNormalization and CurrentNormalization
 * use (spec behaviors.md 4.4), one group per destination neuron or kernel:
 * <ul>
 *   <li>2-D {@code [S, D]}: one group per column (the weights onto one destination neuron);</li>
 *   <li>3-D local {@code [C, L, K]}: one group per (channel, location), i.e. per destination
 *       neuron, each a contiguous block of K;</li>
 *   <li>4-D conv {@code [O, C, kh, kw]} and 5-D lateral: one group per leading index (per output
 *       channel kernel; lateral has a single one);</li>
 *   <li>1-D one-to-one {@code [N]}: with {@code sumAll1d} (the default, as the reference, ODD-8) a
 *       single group holding all N weights; otherwise one group per weight (per destination neuron);</li>
 *   <li>{@link SparseWeights}: one group per destination column (stored entries only).</li>
 * </ul>
 * Totals are accumulated in double and rounded once to the weights' dtype; the buffer is
 * preallocated so per-step use allocates nothing.
 */
final class WeightGroups {
    private enum Layout { COLUMNS, BLOCKS, SPARSE }

    private final Layout layout;
    private final long[] shape;
    private final int groups;
    private final int block;
    private final double[] totals;
    private INDArray cachedArray;
    private Vec cached;

    private WeightGroups(Layout layout, long[] shape, int groups, int block) {
        this.layout = layout;
        this.shape = shape;
        this.groups = groups;
        this.block = block;
        this.totals = new double[groups];
    }

    /**
     * The grouping of {@code weights} (an INDArray or SparseWeights).
     *
     * @throws IllegalArgumentException with a description when the weights cannot be grouped
     */
    static WeightGroups of(Object weights, boolean sumAll1d) {
        if (weights instanceof SparseWeights) {
            SparseWeights w = (SparseWeights) weights;
            return new WeightGroups(Layout.SPARSE, new long[] {w.rows(), w.cols()}, w.cols(), 0);
        }
        if (!(weights instanceof INDArray)) {
            throw new IllegalArgumentException("needs 'weights' (dense or sparse) from a WeightInitializer, found "
                    + (weights == null ? "none" : weights.getClass().getSimpleName()));
        }
        INDArray a = (INDArray) weights;
        if (!a.dataType().isFPType()) {
            throw new IllegalArgumentException("needs floating weights, found " + a.dataType());
        }
        long[] s = a.shape();
        int n = (int) a.length();
        switch (s.length) {
            case 1:
                return sumAll1d ? new WeightGroups(Layout.BLOCKS, s, 1, n) : new WeightGroups(Layout.BLOCKS, s, n, 1);
            case 2:
                return new WeightGroups(Layout.COLUMNS, s, (int) s[1], (int) s[0]);
            case 3:
                return new WeightGroups(Layout.BLOCKS, s, (int) (s[0] * s[1]), (int) s[2]);
            default:
                if (s.length == 0 || s[0] == 0) {
                    throw new IllegalArgumentException("cannot normalise weights of shape " + Arrays.toString(s));
                }
                return new WeightGroups(Layout.BLOCKS, s, (int) s[0], (int) (n / s[0]));
        }
    }

    /** Number of totals. */
    int groups() {
        return groups;
    }

    /** True if {@code weights} still has the layout this grouping was made for. */
    boolean fits(Object weights) {
        if (layout == Layout.SPARSE) {
            return weights instanceof SparseWeights && ((SparseWeights) weights).rows() == shape[0]
                    && ((SparseWeights) weights).cols() == shape[1];
        }
        return weights instanceof INDArray && Arrays.equals(((INDArray) weights).shape(), shape);
    }

    private Vec view(Object weights) {
        INDArray a = layout == Layout.SPARSE ? ((SparseWeights) weights).values() : (INDArray) weights;
        if (a != cachedArray) {
            cached = Vec.of(a);
            cachedArray = a;
        }
        return cached;
    }

    /**
     * Computes the group totals of {@code weights}, rounded to their dtype; a zero total becomes 1
     * (the reference's guard), so the result can always divide.
     *
     * @return the preallocated totals array (length {@link #groups()})
     */
    double[] totals(Object weights) {
        Vec w = view(weights);
        Arrays.fill(totals, 0);
        switch (layout) {
            case COLUMNS:
                for (int i = 0, e = 0; i < block; i++) {
                    for (int j = 0; j < groups; j++, e++) {
                        totals[j] += w.get(e);
                    }
                }
                break;
            case BLOCKS:
                for (int g = 0, e = 0; g < groups; g++) {
                    double t = 0;
                    for (int k = 0; k < block; k++, e++) {
                        t += w.get(e);
                    }
                    totals[g] = t;
                }
                break;
            default: {
                SparseWeights sw = (SparseWeights) weights;
                for (int j = 0; j < groups; j++) {
                    double t = 0;
                    for (int k = sw.colStart(j), end = sw.colStart(j + 1); k < end; k++) {
                        t += w.get(k);
                    }
                    totals[j] = t;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            double t = w.round(totals[g]);
            totals[g] = t == 0 ? 1 : t;
        }
        return totals;
    }

    /** Multiplies every weight by the factor of its group, {@code w := round(w * factor[g])}. */
    void scale(Object weights, double[] factor) {
        Vec w = view(weights);
        switch (layout) {
            case COLUMNS:
                for (int i = 0, e = 0; i < block; i++) {
                    for (int j = 0; j < groups; j++, e++) {
                        w.set(e, w.get(e) * factor[j]);
                    }
                }
                break;
            case BLOCKS:
                for (int g = 0, e = 0; g < groups; g++) {
                    double f = factor[g];
                    for (int k = 0; k < block; k++, e++) {
                        w.set(e, w.get(e) * f);
                    }
                }
                break;
            default: {
                SparseWeights sw = (SparseWeights) weights;
                for (int j = 0; j < groups; j++) {
                    double f = factor[j];
                    for (int k = sw.colStart(j), end = sw.colStart(j + 1); k < end; k++) {
                        w.set(k, w.get(k) * f);
                    }
                }
            }
        }
    }
}
