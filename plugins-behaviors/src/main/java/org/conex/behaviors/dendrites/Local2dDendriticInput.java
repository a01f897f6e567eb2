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
import org.conex.behaviors.spatial.SpatialParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Locally connected input (priority 180): like a convolution, but every output location has its
 * own weights. With {@code U = unfold(S)} (patch element order {@code (c_in, ky, kx)}, locations
 * row-major; see {@link ConvGeometry}) and weights {@code W[C_out, L, C_in*kh*kw]}:
 *
 * <pre>  I[o, l] = sum_k W[o, l, k] * U[k, l]</pre>
 *
 * flattened {@code o*L + l}, then times {@code current_coef * current_type}.
 *
 * <p>Parameters: {@code current_coef} (default 1), {@code stride} (default 1), {@code padding}
 * (default 0), each an int or {@code [vertical, horizontal]}, stored on the synapse for
 * Local2dSTDP/Local2dRSTDP. Needs WeightInitializer's
 * {@code kernel_shape = [out_ch, out_h, out_w, in_ch, kh, kw]} on the synapse.
 *
 * <p>Checked at initialization (the reference's checks): {@code kernel_shape[0] = W.size(0)},
 * {@code out_h*out_w = W.size(1)}, {@code in_ch*kh*kw = W.size(2)}, {@code in_ch} = source depth,
 * {@code out_ch} = destination depth, and the convolution output size equals both
 * {@code (out_h, out_w)} and the destination's height and width.
 *
 * <p>Event-driven: for every spike, the weights of the patch elements it occupies are added.
 */
public final class Local2dDendriticInput extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("Local2dDendriticInput", Local2dDendriticInput::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF, SpatialParams.strideSpec(), SpatialParams.paddingSpec())
            .description("locally connected 2-D input: unshared weights per output location")
            .build();

    private ConvGeometry g;
    private int outCh;
    private int[][] rowTaps;
    private int[][] colTaps;
    private double[] acc;
    private long[] weightShape;
    private INDArray checkedWeights;

    public Local2dDendriticInput(Params params) {
        super(params);
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        int[] stride;
        int[] padding;
        int[] kernel;
        try {
            stride = SpatialParams.pair(SpatialParams.STRIDE, params().ints(SpatialParams.STRIDE), 1);
            padding = SpatialParams.pair(SpatialParams.PADDING, params().ints(SpatialParams.PADDING), 0);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        Object k = synapse.get(SpatialParams.KERNEL_SHAPE);
        if (!(k instanceof int[]) || ((int[]) k).length != 6) {
            throw error("needs synapse.kernel_shape = [out_ch, out_h, out_w, in_ch, kh, kw] (WeightInitializer "
                    + "kernel_shape), found " + SpatialParams.describe(k));
        }
        kernel = (int[]) k;
        Object w = synapse.get("weights");
        if (!(w instanceof INDArray) || ((INDArray) w).rank() != 3 || !((INDArray) w).dataType().isFPType()) {
            throw error("needs 3-D weights [C_out, H_out*W_out, C_in*kh*kw], found " + describeWeights(w));
        }
        weightShape = ((INDArray) w).shape();
        String ks = "kernel_shape " + Arrays.toString(kernel);
        String ws = "weights " + Arrays.toString(weightShape);
        if (kernel[0] != weightShape[0] || (long) kernel[1] * kernel[2] != weightShape[1]
                || (long) kernel[3] * kernel[4] * kernel[5] != weightShape[2]) {
            throw error(ws + " do not match " + ks + ", which needs [" + kernel[0] + ", " + kernel[1] * kernel[2] + ", "
                    + kernel[3] * kernel[4] * kernel[5] + "]");
        }
        NeuronShape src = synapse.src().shape();
        NeuronShape dst = synapse.dst().shape();
        if (kernel[3] != src.depth()) {
            throw error(ks + " has in_ch = " + kernel[3] + " but source '" + synapse.src().tag() + "' has depth "
                    + src.depth() + " (shape " + src + ")");
        }
        if (kernel[0] != dst.depth()) {
            throw error(ks + " has out_ch = " + kernel[0] + " but destination '" + synapse.dst().tag() + "' has depth "
                    + dst.depth() + " (shape " + dst + ")");
        }
        try {
            g = ConvGeometry.of(src, kernel[4], kernel[5], stride, padding);
        } catch (IllegalArgumentException e) {
            throw error("source '" + synapse.src().tag() + "': " + e.getMessage());
        }
        if (g.outHeight() != kernel[1] || g.outWidth() != kernel[2]) {
            throw error(ks + " declares out_h x out_w = " + kernel[1] + "x" + kernel[2] + " but the windows over source '"
                    + synapse.src().tag() + "' give " + g.outHeight() + "x" + g.outWidth() + " (" + g + ")");
        }
        if (g.outHeight() != dst.height() || g.outWidth() != dst.width()) {
            throw error("destination '" + synapse.dst().tag() + "' has shape " + dst + " but the windows over source '"
                    + synapse.src().tag() + "' give " + g.outputShape(kernel[0]) + " (" + g + ")");
        }
        outCh = kernel[0];
        rowTaps = g.rowTaps();
        colTaps = g.colTaps();
        acc = new double[dst.size()];
        synapse.put(SpatialParams.STRIDE, stride);
        synapse.put(SpatialParams.PADDING, padding);
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
        Arrays.fill(acc, 0);
        int hw = g.height() * g.width();
        int width = g.width();
        int outW = g.outWidth();
        int l = g.locations();
        int kSize = g.patchSize();
        int kh = g.kernelH();
        int kw = g.kernelW();
        for (int idx = 0, n = g.inputSize(); idx < n; idx++) {
            if (pre.get(idx) == 0) {
                continue;
            }
            int c = idx / hw;
            int rem = idx - c * hw;
            int[] rt = rowTaps[rem / width];
            int[] ct = colTaps[rem % width];
            for (int a = 0; a < rt.length; a += 2) {
                int kRow = (c * kh + rt[a]) * kw;
                int lRow = rt[a + 1] * outW;
                for (int b = 0; b < ct.length; b += 2) {
                    int k = kRow + ct[b];
                    int loc = lRow + ct[b + 1];
                    for (int o = 0; o < outCh; o++) {
                        int p = o * l + loc;
                        acc[p] += w.get(p * kSize + k);
                    }
                }
            }
        }
        for (int p = 0; p < acc.length; p++) {
            out.set(p, acc[p]);
        }
    }
}
