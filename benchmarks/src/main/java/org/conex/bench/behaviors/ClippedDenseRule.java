package org.conex.bench.behaviors;

import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Vec;

/**
 * What the paper networks' learning rules share: dense float32 weights {@code [N_src, N_dst]},
 * parameters {@code w_min}/{@code w_max} (the rule clips what it writes to them), and one clip of
 * the whole matrix at initialization, after which only the entries a rule writes can leave the
 * bounds, so clipping those equals clipping everything every step.
 */
abstract class ClippedDenseRule extends Behavior<SynapseGroup> {
    /** Lower weight bound (float32). */
    protected float lo;
    /** Upper weight bound (float32). */
    protected float hi;

    ClippedDenseRule(Params params) {
        super(params);
    }

    /**
     * Checks the network, the bounds and the group variables the rule reads, then clips the weights.
     *
     * @param needed   variables both groups must have
     * @param provider the behaviors that create them, for the message
     */
    final void initializeBounds(SynapseGroup s, String[] needed, String provider) {
        Checks.float32(this, s);
        lo = (float) params().number("w_min");
        hi = (float) params().number("w_max");
        if (!(lo < hi)) {
            throw error("parameter 'w_min' (" + lo + ") must be less than 'w_max' (" + hi + ")");
        }
        for (String v : needed) {
            if (!s.src().has(v) || !s.dst().has(v)) {
                throw error("needs '" + v + "' on '" + s.src().tag() + "' and '" + s.dst().tag() + "' (" + provider
                        + ")");
            }
        }
        FloatBuffer w = weights(s);
        Kernels.clip(w, 0, w.capacity(), lo, hi);
    }

    /** The dense float32 weights as a flat row-major buffer. */
    final FloatBuffer weights(SynapseGroup s) {
        Vec w = s.vec("weights");
        if (!(w instanceof Vec.F32) || w.length() != s.src().size() * s.dst().size()) {
            throw error("needs dense float32 weights [" + s.src().size() + ", " + s.dst().size() + "]");
        }
        return ((Vec.F32) w).buffer();
    }
}
