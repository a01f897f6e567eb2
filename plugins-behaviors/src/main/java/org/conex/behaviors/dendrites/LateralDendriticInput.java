package org.conex.behaviors.dendrites;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lateral input within one group (priority 180; source == destination): the group's spikes viewed
 * as a volume {@code [D, H, W]} are cross-correlated in 3-D with the kernel
 * {@code W[1, 1, kd, kh, kw]} (odd sizes) and zero "same" padding {@code p = (k - 1) / 2} per axis:
 *
 * <pre>  I[z, y, x] = sum_{a,b,c} W[0,0,a,b,c] * S[z + a - pd, y + b - ph, x + c - pw]</pre>
 *
 * (zeros outside the volume, no kernel flip; the centre tap feeds a neuron its own spike), then
 * times {@code current_coef * current_type}. A flat group is a {@code 1 x 1 x N} volume, i.e. a
 * 1-D neighbourhood along the index.
 *
 * <p>Parameters: {@code current_coef} (default 1); {@code inhibitory} (default null): true gives
 * {@code current_type = -1}, false {@code +1}, null the source-tag rule ("inh"/"GABA" gives -1).
 *
 * <p>Event-driven: each spike adds the (mirrored) kernel to the neighbours it reaches.
 */
public final class LateralDendriticInput extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("LateralDendriticInput", LateralDendriticInput::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF,
                    ParamSpec.of("inhibitory", ParamKind.BOOLEAN)
                            .doc("true: current sign -1, false: +1, absent: -1 if the group is tagged inh/GABA"))
            .description("3-D 'same' cross-correlation of a group's spikes with a small lateral kernel")
            .build();

    private int depth;
    private int height;
    private int width;
    private int kd;
    private int kh;
    private int kw;
    private long[] weightShape;
    private INDArray checkedWeights;

    public LateralDendriticInput(Params params) {
        super(params);
    }

    @Override
    protected int currentType(SynapseGroup synapse) {
        Object inh = params().get("inhibitory");
        if (inh == null) {
            return super.currentType(synapse);
        }
        return (Boolean) inh ? -1 : 1;
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        if (synapse.src() != synapse.dst()) {
            throw error("needs the source and the destination to be the same group, found '" + synapse.src().tag()
                    + "' -> '" + synapse.dst().tag() + "'");
        }
        Object w = synapse.get("weights");
        if (!(w instanceof INDArray) || ((INDArray) w).rank() != 5 || ((INDArray) w).size(0) != 1
                || ((INDArray) w).size(1) != 1 || !((INDArray) w).dataType().isFPType()) {
            throw error("needs 5-D weights [1, 1, kd, kh, kw] (WeightInitializer weight_shape), found "
                    + describeWeights(w));
        }
        weightShape = ((INDArray) w).shape();
        kd = (int) weightShape[2];
        kh = (int) weightShape[3];
        kw = (int) weightShape[4];
        if (kd % 2 == 0 || kh % 2 == 0 || kw % 2 == 0) {
            throw error("kernel sizes must be odd for 'same' padding, found kd x kh x kw = " + kd + "x" + kh + "x" + kw
                    + " (weights " + Arrays.toString(weightShape) + ")");
        }
        NeuronShape shape = synapse.src().shape();
        depth = shape.depth();
        height = shape.height();
        width = shape.width();
    }

    @Override
    protected void calculateInput(SynapseGroup synapse, ByteBuffer pre, Vec out) {
        INDArray wa = synapse.array("weights");
        if (wa != checkedWeights) {
            if (!Arrays.equals(wa.shape(), weightShape) || !wa.dataType().isFPType()) {
                throw error("'weights' were replaced by " + describeWeights(wa) + ", expected floating "
                        + Arrays.toString(weightShape));
            }
            checkedWeights = wa;
        }
        Vec w = synapse.vec("weights");
        out.fill(0);
        int pd = kd / 2;
        int ph = kh / 2;
        int pw = kw / 2;
        int plane = height * width;
        for (int idx = 0, n = out.length(); idx < n; idx++) {
            if (pre.get(idx) == 0) {
                continue;
            }
            int z = idx / plane;
            int y = (idx / width) % height;
            int x = idx % width;
            // the spike at (z, y, x) reaches target t through tap a = z - t + pd (per axis)
            for (int a = 0; a < kd; a++) {
                int tz = z - a + pd;
                if (tz < 0 || tz >= depth) {
                    continue;
                }
                for (int b = 0; b < kh; b++) {
                    int ty = y - b + ph;
                    if (ty < 0 || ty >= height) {
                        continue;
                    }
                    int wRow = (a * kh + b) * kw;
                    int tRow = (tz * height + ty) * width;
                    for (int c = 0; c < kw; c++) {
                        int tx = x - c + pw;
                        if (tx >= 0 && tx < width) {
                            out.set(tRow + tx, out.get(tRow + tx) + w.get(wRow + c));
                        }
                    }
                }
            }
        }
    }
}
