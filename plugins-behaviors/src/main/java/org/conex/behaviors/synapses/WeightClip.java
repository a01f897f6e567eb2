package org.conex.behaviors.synapses;

import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.WeightChanges;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clamps every weight into {@code [w_min, w_max]} each step (priority 540, the last synapse
 * behavior): {@code W := min(max(W, w_min), w_max)}, with the bounds rounded to the network dtype
 * (a weight clipped to {@code (float) 0.9} compares equal to it). Works on dense weights of any
 * rank (2-D, 1-D one-to-one, conv, local, lateral) and on the stored entries of sparse weights.
 *
 * <p>Event-driven when it can be exact: weights it clipped before and nobody changed since are
 * still inside the bounds, so for dense {@code [N_src, N_dst]} (SxD) and sparse weights it visits
 * only the rows and columns marked on the synapse's
 * {@link org.conex.api.model.SynapseGroup#weightChanges() weight changes} since its last step
 * (SimpleSTDP marks the rows of spiking sources and the columns of spiking destinations). It
 * sweeps every weight on its first step, after the weights were replaced or marked as a whole, and
 * whenever another scheduled behavior of the synapse does not declare its weight access (see
 * {@link WeightAccess}), so the result always equals the full clip.
 *
 * <p>When its synapse has exactly one weight writer (SimpleSTDP), which runs before it with no
 * other behavior of the synapse in between, it offers its bounds to that writer
 * ({@link WeightChanges#offerBounds}): the writer clamps the values as it writes them and this
 * clip skips those rows and columns, so each changed weight is read and written once per step.
 * Behaviors of other objects that read these weights between the writer and the clip (none in
 * CoNeX) would see clamped values; give such a reader the synapse's own schedule slot instead.
 *
 * <p>Parameters: {@code w_min} (default 0), {@code w_max} (default 1); {@code w_min < w_max} is
 * required. Negative {@code w_min} is allowed (for signed, e.g. inhibitory, weights): the
 * reference's assertion {@code 0 <= w_min} (ODD-9) is treated as a bug.
 */
public final class WeightClip extends Behavior<SynapseGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("WeightClip", WeightClip::new)
            .priority(540).target(Target.SYNAPSE_GROUP)
            .params(ParamSpec.of("w_min", ParamKind.NUMBER).withDefault(0.0).doc("lower bound (may be negative)"),
                    ParamSpec.of("w_max", ParamKind.NUMBER).withDefault(1.0).doc("upper bound, > w_min"))
            .weightAccess(WeightAccess.REPORTED)
            .description("clamps weights into [w_min, w_max]")
            .build();

    private final ChangedWeights changes = new ChangedWeights(this);
    private double lo;
    private double hi;
    private INDArray cachedArray;
    private Vec cached;

    public WeightClip(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup synapse) {
        double min = params().number("w_min");
        double max = params().number("w_max");
        if (!(min < max)) {
            throw error("parameter 'w_min' (" + min + ") must be less than 'w_max' (" + max + ")");
        }
        lo = synapse.network().dtype().round(min);
        hi = synapse.network().dtype().round(max);
        view(synapse);
    }

    @Override
    public void forward(SynapseGroup synapse) {
        Vec w = view(synapse);
        Object weights = synapse.get("weights");
        WeightChanges tracker = synapse.weightChanges();
        boolean tracked = tracked(synapse, weights);
        if (!tracked || !changes.collect(synapse, weights, tracker.offeredBy(this))) {
            clip(w, 0, w.length());
        } else if (weights instanceof SparseWeights) {
            clipSparse(w, (SparseWeights) weights);
        } else {
            clipDense(w, synapse.dst().size());
        }
        if (tracked && changes.clampable(synapse)) {
            tracker.offerBounds(this, lo, hi, synapse.network().structureVersion());
        } else {
            tracker.withdrawBounds(this);
        }
    }

    /** Layouts whose rows and columns are the synapse's sources and destinations. */
    private static boolean tracked(SynapseGroup s, Object weights) {
        if (weights instanceof SparseWeights) {
            return true;
        }
        INDArray a = (INDArray) weights;
        return s.network().synapseMode() == SynapseMode.SxD && a.rank() == 2 && a.rows() == s.src().size()
                && a.columns() == s.dst().size();
    }

    /** The changed rows, then the changed columns (row by row, in memory order). */
    private void clipDense(Vec w, int nDst) {
        for (int k = 0, n = changes.rowCount(); k < n; k++) {
            int start = changes.row(k) * nDst;
            clip(w, start, start + nDst);
        }
        int nCols = changes.columnCount();
        if (nCols == 0) {
            return;
        }
        int[] cols = changes.columns();
        if (w instanceof Vec.F32) {
            Kernels.clipColumns(((Vec.F32) w).buffer(), w.length() / nDst, nDst, cols, nCols, (float) lo, (float) hi);
            return;
        }
        for (int row = 0, end = w.length(); row < end; row += nDst) {
            for (int k = 0; k < nCols; k++) {
                clip(w, row + cols[k], row + cols[k] + 1);
            }
        }
    }

    /** The stored entries of the changed rows and columns. */
    private void clipSparse(Vec w, SparseWeights s) {
        if (w instanceof Vec.F32) {
            clipSparse(((Vec.F32) w).buffer(), s, (float) lo, (float) hi);
            return;
        }
        for (int k = 0, n = changes.rowCount(); k < n; k++) {
            int i = changes.row(k);
            for (int p = s.rowStart(i), end = s.rowStart(i + 1); p < end; p++) {
                int e = s.rowEntry(p);
                clip(w, e, e + 1);
            }
        }
        int[] cols = changes.columns();
        for (int k = 0, n = changes.columnCount(); k < n; k++) {
            clip(w, s.colStart(cols[k]), s.colStart(cols[k] + 1));
        }
    }

    /** Float32 path of {@link #clipSparse(Vec, SparseWeights)}. */
    private void clipSparse(FloatBuffer w, SparseWeights s, float lo, float hi) {
        for (int k = 0, n = changes.rowCount(); k < n; k++) {
            int i = changes.row(k);
            for (int p = s.rowStart(i), end = s.rowStart(i + 1); p < end; p++) {
                Kernels.clipAt(w, s.rowEntry(p), lo, hi);
            }
        }
        int[] cols = changes.columns();
        for (int k = 0, n = changes.columnCount(); k < n; k++) {
            Kernels.clip(w, s.colStart(cols[k]), s.colStart(cols[k] + 1), lo, hi);
        }
    }

    /** Clamps entries {@code from .. to-1}. */
    private void clip(Vec w, int from, int to) {
        if (w instanceof Vec.F32) {
            Kernels.clip(((Vec.F32) w).buffer(), from, to, (float) lo, (float) hi);
            return;
        }
        for (int e = from; e < to; e++) {
            double x = w.get(e);
            if (x < lo) {
                w.set(e, lo);
            } else if (x > hi) {
                w.set(e, hi);
            }
        }
    }

    private Vec view(SynapseGroup synapse) {
        Object w = synapse.get("weights");
        INDArray a;
        if (w instanceof SparseWeights) {
            a = ((SparseWeights) w).values();
        } else if (w instanceof INDArray && ((INDArray) w).dataType().isFPType()) {
            a = (INDArray) w;
        } else {
            throw error("needs floating 'weights' (dense or sparse) from a WeightInitializer, found "
                    + (w == null ? "none" : w.getClass().getSimpleName()));
        }
        if (a != cachedArray) {
            cached = Vec.of(a);
            cachedArray = a;
        }
        return cached;
    }
}
