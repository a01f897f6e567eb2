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
 * Candidates are the neurons with {@code v >= threshold}. If no slice holds more than k
 * candidates nothing happens. Otherwise, in every slice, the k neurons with the largest v are the
 * winners and every candidate that is not a winner is set to {@code v_reset}, so the following
 * Fire emits at most k spikes per slice. KWTA never writes {@code spikes}.
 *
 * <p>As in the reference, the winners are the k largest v of <i>all</i> neurons of the slice,
 * candidates or not. With one threshold for all neurons this is the same as ranking the
 * candidates, but with per-neuron thresholds (e.g. after ActivityBaseHomeostasis) a sub-threshold
 * neuron with a higher v can suppress a candidate (the golden case e2e_layer depends on it).
 * {@code candidates_only = true} makes only the candidates compete instead.
 *
 * <p>Slices: with {@code dimension} absent the whole group is one slice. With {@code dimension} d
 * (0, 1 or 2) the group is viewed as depth x height x width (a flat group as N x 1 x 1) and every
 * 1-D line along axis d, all other coordinates fixed, competes on its own; e.g. d = 0 makes the
 * feature maps compete at each location.
 *
 * <p>Ties (equal v at the k-th place) are broken deterministically: the lower flat index wins, so
 * there are exactly k winners (reference ODD-17: its unsorted top-k also picks exactly k, but which of
 * the tied neurons win is implementation-defined). Parameters: {@code k} (integer &gt;= 1, at most the slice length),
 * {@code dimension} (0, 1, 2 or absent), {@code candidates_only} (default false). Reads {@code v},
 * {@code threshold}, {@code v_reset} (float[N], mV).
 */
public final class KWTA extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("KWTA", KWTA::new)
            .priority(300).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("k", ParamKind.INTEGER).asRequired().atLeast(1).doc("number of winners per slice"),
                    ParamSpec.of("dimension", ParamKind.INTEGER)
                            .doc("axis of (depth, height, width) along which neurons compete; absent: whole group"),
                    ParamSpec.of("candidates_only", ParamKind.BOOLEAN).withDefault(false)
                            .doc("rank only supra-threshold neurons (the reference ranks every neuron of a slice)"))
            .description("resets all but the k largest-v supra-threshold neurons per slice to v_reset")
            .build();

    private final int k;
    private final Integer dimension;
    private final boolean candidatesOnly;
    private int[] sliceStarts;
    private int sliceLength;
    private int stride;
    private int[] members;
    private boolean[] isCandidate;
    private double[] voltages;
    private double[] scratch;

    /** @throws ParameterException if {@code dimension} is not 0, 1 or 2 */
    public KWTA(Params params) {
        super(params);
        k = params.integer("k");
        dimension = (Integer) params.get("dimension");
        candidatesOnly = params.bool("candidates_only");
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
        members = new int[sliceLength];
        isCandidate = new boolean[sliceLength];
        voltages = new double[sliceLength];
        scratch = new double[sliceLength];
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec th = g.vec("threshold");
        if (!anySliceOverK(v, th)) {
            return;
        }
        Vec reset = g.vec("v_reset");
        for (int start : sliceStarts) {
            compete(v, th, reset, start);
        }
    }

    private boolean anySliceOverK(Vec v, Vec th) {
        for (int start : sliceStarts) {
            int c = 0;
            for (int j = 0, idx = start; j < sliceLength; j++, idx += stride) {
                if (v.get(idx) >= th.get(idx) && ++c > k) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Resets the candidates of one slice that are not among its k largest v (lower index first on ties). */
    private void compete(Vec v, Vec th, Vec reset, int start) {
        int m = 0;
        int candidates = 0;
        for (int j = 0, idx = start; j < sliceLength; j++, idx += stride) {
            double x = v.get(idx);
            boolean candidate = x >= th.get(idx);
            if (candidate) {
                candidates++;
            }
            if (candidate || !candidatesOnly) {
                members[m] = idx;
                voltages[m] = x;
                isCandidate[m] = candidate;
                m++;
            }
        }
        if (candidates == 0 || m <= k) {
            return;
        }
        System.arraycopy(voltages, 0, scratch, 0, m);
        double kth = Selection.kthLargest(scratch, m, k);
        int tiesLeft = k;
        for (int i = 0; i < m; i++) {
            if (voltages[i] > kth) {
                tiesLeft--;
            }
        }
        for (int i = 0; i < m; i++) {
            double x = voltages[i];
            boolean winner = x > kth || x == kth && tiesLeft-- > 0;
            if (!winner && isCandidate[i]) {
                v.set(members[i], reset.get(members[i]));
            }
        }
    }
}
