package org.conex.behaviors.dendrites;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;
import org.conex.behaviors.spatial.AdaptiveWindows;

/**
 * Adaptive average pooling of the presynaptic spikes (priority 180, no weights): per channel, the
 * source map {@code (H, W)} is pooled to the destination's {@code (h, w)} as torch
 * {@code adaptive_avg_pool2d} does; output row {@code i} averages input rows
 * {@code floor(i*H/h) .. ceil((i+1)*H/h) - 1} and columns likewise ({@link AdaptiveWindows}),
 * also when the sizes do not divide (windows then overlap). The result, flattened channel-major,
 * is the fraction of spiking neurons in each window, then times
 * {@code current_coef * current_type} (see {@link DendriticInput}).
 *
 * <p>Parameter: {@code current_coef} (default 1). Needs equal source and destination depth
 * (the reference's check, whose error path itself crashes, BUG-10).
 *
 * <p>Event-driven: each spike increments the count of every window containing it; each output is
 * then {@code count / kh / kw} (the reference's division order, float32).
 */
public final class AveragePool2D extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("AveragePool2D", AveragePool2D::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF)
            .description("adaptive average pooling of the source spike map to the destination map")
            .build();

    private int depth;
    private int srcHeight;
    private int srcWidth;
    private AdaptiveWindows rows;
    private AdaptiveWindows cols;
    private int[] counts;

    public AveragePool2D(Params params) {
        super(params);
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        NeuronShape src = synapse.src().shape();
        NeuronShape dst = synapse.dst().shape();
        if (src.depth() != dst.depth()) {
            throw error("needs equal depths (pooling is per channel), but source '" + synapse.src().tag()
                    + "' has shape " + src + " and destination '" + synapse.dst().tag() + "' has shape " + dst);
        }
        depth = src.depth();
        srcHeight = src.height();
        srcWidth = src.width();
        rows = new AdaptiveWindows(src.height(), dst.height());
        cols = new AdaptiveWindows(src.width(), dst.width());
        counts = new int[dst.size()];
    }

    @Override
    protected void calculateInput(SynapseGroup synapse, ByteBuffer pre, Vec out) {
        Arrays.fill(counts, 0);
        int h = rows.size();
        int w = cols.size();
        int plane = srcHeight * srcWidth;
        for (int idx = 0, n = depth * plane; idx < n; idx++) {
            if (pre.get(idx) == 0) {
                continue;
            }
            int c = idx / plane;
            int rem = idx - c * plane;
            int[] rs = rows.covering(rem / srcWidth);
            int[] cs = cols.covering(rem % srcWidth);
            int base = c * h * w;
            for (int i : rs) {
                for (int j : cs) {
                    counts[base + i * w + j]++;
                }
            }
        }
        for (int c = 0, o = 0; c < depth; c++) {
            for (int i = 0; i < h; i++) {
                double kh = rows.length(i);
                for (int j = 0; j < w; j++, o++) {
                    out.set(o, out.round(counts[o] / kh) / cols.length(j));
                }
            }
        }
    }
}
