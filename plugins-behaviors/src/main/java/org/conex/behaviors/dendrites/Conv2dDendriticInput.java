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
import org.conex.behaviors.spatial.ConvGeometry;
import org.conex.behaviors.spatial.KernelPath;
import org.conex.behaviors.spatial.SpatialParams;
import org.conex.behaviors.spatial.SpikeConvolution;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Convolutional input (priority 180): the presynaptic spikes viewed as {@code [C_in, H, W]} (the
 * source group's depth x height x width) are cross-correlated with shared weights
 * {@code W[C_out, C_in, kh, kw]} as torch {@code conv2d} does (no kernel flip, zero padding):
 *
 * <pre>  I[o, y, x] = sum_{c,i,j} W[o,c,i,j] * S_pad[c, y*sh + i, x*sw + j]</pre>
 *
 * flattened channel-major ({@code o*H_out*W_out + y*W_out + x}), then times
 * {@code current_coef * current_type} (see {@link DendriticInput}).
 *
 * <p>Parameters: {@code current_coef} (default 1), {@code stride} (default 1) and
 * {@code padding} (default 0), each an int or a pair {@code [vertical, horizontal]}; both are
 * stored on the synapse ({@code int[2]}) for Conv2dSTDP/Conv2dRSTDP.
 *
 * <p>Checked at initialization: 4-D weights, {@code C_in} = source depth, {@code C_out} =
 * destination depth, a kernel no larger than the padded input, and a destination of exactly
 * {@code C_out x H_out x W_out} with {@code H_out = floor((H + 2 ph - kh) / sh) + 1} (same for W).
 *
 * <p>Computation: {@link SpikeConvolution} with {@link KernelPath#AUTO}: an event-driven scatter of
 * each spike's kernel footprint when spikes are sparse or the map is small, im2col + BLAS GEMM when
 * a large map is densely active (the choice is made per step from the spike count).
 */
public final class Conv2dDendriticInput extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("Conv2dDendriticInput", Conv2dDendriticInput::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF, SpatialParams.strideSpec(), SpatialParams.paddingSpec())
            .description("2-D convolution (cross-correlation) of the source spike map with shared kernels")
            .build();

    private SpikeConvolution conv;
    private long[] weightShape;
    private INDArray checkedWeights;

    public Conv2dDendriticInput(Params params) {
        super(params);
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        int[] stride;
        int[] padding;
        try {
            stride = SpatialParams.pair(SpatialParams.STRIDE, params().ints(SpatialParams.STRIDE), 1);
            padding = SpatialParams.pair(SpatialParams.PADDING, params().ints(SpatialParams.PADDING), 0);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        Object w = synapse.get("weights");
        if (!(w instanceof INDArray) || ((INDArray) w).rank() != 4 || !((INDArray) w).dataType().isFPType()) {
            throw error("needs 4-D weights [C_out, C_in, kh, kw] (WeightInitializer weight_shape), found "
                    + describeWeights(w));
        }
        weightShape = ((INDArray) w).shape();
        int outCh = (int) weightShape[0];
        NeuronShape src = synapse.src().shape();
        NeuronShape dst = synapse.dst().shape();
        if (weightShape[1] != src.depth()) {
            throw error("weights " + Arrays.toString(weightShape) + " have C_in = " + weightShape[1]
                    + " but source '" + synapse.src().tag() + "' has depth " + src.depth() + " (shape " + src + ")");
        }
        if (outCh != dst.depth()) {
            throw error("weights " + Arrays.toString(weightShape) + " have C_out = " + outCh
                    + " but destination '" + synapse.dst().tag() + "' has depth " + dst.depth() + " (shape " + dst + ")");
        }
        ConvGeometry g;
        try {
            g = ConvGeometry.of(src, (int) weightShape[2], (int) weightShape[3], stride, padding);
        } catch (IllegalArgumentException e) {
            throw error("source '" + synapse.src().tag() + "': " + e.getMessage());
        }
        if (g.outHeight() != dst.height() || g.outWidth() != dst.width()) {
            throw error("destination '" + synapse.dst().tag() + "' has shape " + dst + " but the convolution of source '"
                    + synapse.src().tag() + "' (" + src + ") gives " + g.outputShape(outCh) + " (" + g
                    + "; H_out = floor((H + 2*padding - kh) / stride) + 1)");
        }
        synapse.put(SpatialParams.STRIDE, stride);
        synapse.put(SpatialParams.PADDING, padding);
        conv = new SpikeConvolution(g, outCh);
    }

    @Override
    protected void calculateInput(SynapseGroup synapse, ByteBuffer pre, Vec out) {
        INDArray w = synapse.array("weights");
        if (w != checkedWeights) {
            if (!Arrays.equals(w.shape(), weightShape) || !w.dataType().isFPType()) {
                throw error("'weights' were replaced by " + describeWeights(w) + ", expected floating "
                        + Arrays.toString(weightShape));
            }
            checkedWeights = w;
        }
        double[] sums = conv.compute(pre, synapse.vec("weights"));
        for (int j = 0; j < sums.length; j++) {
            out.set(j, sums[j]);
        }
    }
}
