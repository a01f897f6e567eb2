package org.conex.behaviors.synapses;

import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clamps every weight into {@code [w_min, w_max]} each step (priority 540, the last synapse
 * behavior): {@code W := min(max(W, w_min), w_max)}, with the bounds rounded to the network dtype
 * (a weight clipped to {@code (float) 0.9} compares equal to it). Works on dense weights of any
 * rank (2-D, 1-D one-to-one, conv, local, lateral) and on the stored entries of sparse weights.
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
            .description("clamps weights into [w_min, w_max]")
            .build();

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
        if (w instanceof Vec.F32) {
            clip(((Vec.F32) w).buffer(), (float) lo, (float) hi);
            return;
        }
        for (int e = 0, n = w.length(); e < n; e++) {
            double x = w.get(e);
            if (x < lo) {
                w.set(e, lo);
            } else if (x > hi) {
                w.set(e, hi);
            }
        }
    }

    /** Float32 sweep on the raw buffer (the whole matrix every step, so kept tight). */
    private static void clip(FloatBuffer w, float lo, float hi) {
        for (int e = 0, n = w.capacity(); e < n; e++) {
            float x = w.get(e);
            if (x < lo) {
                w.put(e, lo);
            } else if (x > hi) {
                w.put(e, hi);
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
