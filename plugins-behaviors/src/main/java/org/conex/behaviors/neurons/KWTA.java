package org.conex.behaviors.neurons;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.tensor.Vec;

/**
 * k-winners-take-all before firing (priority 300, between the neuron model and Fire at 340).
 * Candidates are the neurons with {@code v >= threshold}. In every slice that holds more than k
 * candidates, the k candidates furthest above their threshold ({@code v - threshold}, rounded to
 * the network's float type, as the reference ranks them) keep their voltage and every other
 * candidate is set to {@code v_reset}, so the following Fire emits at most k spikes per slice.
 * KWTA never writes {@code spikes}.
 *
 * <p>Slices: with {@code dimension} absent the whole group is one slice. With {@code dimension} d
 * (0, 1 or 2) the group is viewed as depth x height x width (a flat group as N x 1 x 1) and every
 * 1-D line along axis d, all other coordinates fixed, competes on its own; e.g. d = 0 makes the
 * feature maps compete at each location.
 *
 * <p>Ties (equal {@code v - threshold} at the k-th place) are broken deterministically: the lower
 * flat index wins (reference ODD-17: its top-k order is unspecified, and it keeps every tied
 * candidate). Parameters: {@code k} (integer &gt;= 1, at most the slice length), {@code dimension}
 * (0, 1, 2 or absent). Reads {@code v}, {@code threshold}, {@code v_reset} (float[N]).
 */
public final class KWTA extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("KWTA", KWTA::new)
            .priority(300).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("k", ParamKind.INTEGER).asRequired().atLeast(1).doc("number of winners per slice"),
                    ParamSpec.of("dimension", ParamKind.INTEGER)
                            .doc("axis of (depth, height, width) along which neurons compete; absent: whole group"))
            .description("resets all but the k strongest supra-threshold neurons per slice to v_reset")
            .build();

    private final int k;
    private final Integer dimension;
    private int[] sliceStarts;
    private int sliceLength;
    private int stride;
    private int[] candidates;
    private double[] margins;
    private double[] scratch;

    /** @throws ParameterException if {@code dimension} is not 0, 1 or 2 */
    public KWTA(Params params) {
        super(params);
        k = params.integer("k");
        dimension = (Integer) params.get("dimension");
        if (dimension != null && (dimension < 0 || dimension > 2)) {
            throw new ParameterException(params.component(), "dimension",
                    "0, 1 or 2 (an axis of depth x height x width) or nothing", dimension);
        }
    }

    @Override
    public void initialize(NeuronGroup g) {
        int n = g.size();
        NeuronShape shape = g.hasGeometry() ? g.shape() : new NeuronShape(n, 1, 1);
        int[] extent = {shape.depth(), shape.height(), shape.width()};
        int hw = shape.height() * shape.width();
        if (dimension == null) {
            sliceLength = n;
            stride = 1;
            sliceStarts = new int[] {0};
        } else {
            int d = dimension;
            sliceLength = extent[d];
            stride = d == 0 ? hw : d == 1 ? shape.width() : 1;
            sliceStarts = new int[sliceLength == 0 ? 0 : n / sliceLength];
            int s = 0;
            for (int i = 0; i < n; i++) {
                int coordinate = d == 0 ? i / hw : d == 1 ? (i / shape.width()) % shape.height() : i % shape.width();
                if (coordinate == 0) {
                    sliceStarts[s++] = i;
                }
            }
        }
        if (k > sliceLength) {
            throw error("parameter 'k' = " + k + " exceeds the " + sliceLength + " neurons that compete in each slice"
                    + (dimension == null ? "" : " (dimension " + dimension + " of shape " + shape + ")"));
        }
        candidates = new int[sliceLength];
        margins = new double[sliceLength];
        scratch = new double[sliceLength];
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec th = g.vec("threshold");
        Vec reset = g.vec("v_reset");
        for (int start : sliceStarts) {
            int c = 0;
            for (int j = 0, idx = start; j < sliceLength; j++, idx += stride) {
                double x = v.get(idx);
                double t = th.get(idx);
                if (x >= t) {
                    candidates[c] = idx;
                    margins[c] = v.round(x - t);
                    c++;
                }
            }
            if (c > k) {
                resetLosers(v, reset, c);
            }
        }
    }

    /** Keeps the k largest margins among the c candidates (lower index first on ties). */
    private void resetLosers(Vec v, Vec reset, int c) {
        System.arraycopy(margins, 0, scratch, 0, c);
        double kth = Selection.kthLargest(scratch, c, k);
        int tiesLeft = k;
        for (int i = 0; i < c; i++) {
            if (margins[i] > kth) {
                tiesLeft--;
            }
        }
        for (int i = 0; i < c; i++) {
            double m = margins[i];
            if (m > kth) {
                continue;
            }
            if (m == kth && tiesLeft > 0) {
                tiesLeft--;
                continue;
            }
            v.set(candidates[i], reset.get(candidates[i]));
        }
    }
}
