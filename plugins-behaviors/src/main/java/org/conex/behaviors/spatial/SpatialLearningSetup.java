package org.conex.behaviors.spatial;

import java.util.Arrays;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a convolutional or local learning rule needs to know about its synapse, read and checked
 * once at initialization: the window geometry (from the kernel and the {@code stride}/{@code padding}
 * its dendritic input stored), the number of output channels and the weight shape.
 *
 * @param geometry    the window geometry over the source map
 * @param outChannels C_out (destination depth)
 * @param weightShape the weight tensor's shape ({@code [C_out, C_in, kh, kw]} or
 *                    {@code [C_out, L, C_in*kh*kw]})
 */
public record SpatialLearningSetup(ConvGeometry geometry, int outChannels, long[] weightShape) {

    /**
     * The setup of a Conv2d rule: 4-D weights and a Conv2dDendriticInput's stride and padding.
     *
     * @throws IllegalArgumentException describing the first problem found
     */
    public static SpatialLearningSetup conv(SynapseGroup s) {
        long[] shape = weights(s, 4, "[C_out, C_in, kh, kw]");
        ConvGeometry g = SpatialParams.storedGeometry(s, (int) shape[2], (int) shape[3], "Conv2dDendriticInput");
        checkMaps(s, g, (int) shape[0]);
        if (shape[1] != g.channels()) {
            throw new IllegalArgumentException("weights " + Arrays.toString(shape) + " have C_in = " + shape[1]
                    + " but source '" + s.src().tag() + "' has depth " + g.channels());
        }
        return new SpatialLearningSetup(g, (int) shape[0], shape);
    }

    /**
     * The setup of a Local2d rule: 3-D weights, WeightInitializer's kernel_shape and a
     * Local2dDendriticInput's stride and padding.
     *
     * @throws IllegalArgumentException describing the first problem found
     */
    public static SpatialLearningSetup local(SynapseGroup s) {
        long[] shape = weights(s, 3, "[C_out, H_out*W_out, C_in*kh*kw]");
        Object k = s.get(SpatialParams.KERNEL_SHAPE);
        if (!(k instanceof int[]) || ((int[]) k).length != 6) {
            throw new IllegalArgumentException("needs synapse.kernel_shape = [out_ch, out_h, out_w, in_ch, kh, kw] "
                    + "(WeightInitializer kernel_shape), found " + SpatialParams.describe(k));
        }
        int[] kernel = (int[]) k;
        ConvGeometry g = SpatialParams.storedGeometry(s, kernel[4], kernel[5], "Local2dDendriticInput");
        checkMaps(s, g, (int) shape[0]);
        if (shape[1] != g.locations() || shape[2] != g.patchSize()) {
            throw new IllegalArgumentException("weights " + Arrays.toString(shape) + " do not fit the windows " + g
                    + ", which need [" + shape[0] + ", " + g.locations() + ", " + g.patchSize() + "]");
        }
        return new SpatialLearningSetup(g, (int) shape[0], shape);
    }

    private static long[] weights(SynapseGroup s, int rank, String layout) {
        Object w = s.get("weights");
        if (!(w instanceof INDArray) || ((INDArray) w).rank() != rank || !((INDArray) w).dataType().isFPType()) {
            throw new IllegalArgumentException("needs " + rank + "-D floating weights " + layout + ", found "
                    + SpatialParams.describe(w));
        }
        return ((INDArray) w).shape();
    }

    private static void checkMaps(SynapseGroup s, ConvGeometry g, int outChannels) {
        NeuronShape dst = s.dst().shape();
        if (dst.depth() != outChannels || dst.height() != g.outHeight() || dst.width() != g.outWidth()) {
            throw new IllegalArgumentException("destination '" + s.dst().tag() + "' has shape " + dst
                    + " but the windows give " + g.outputShape(outChannels) + " (" + g + ")");
        }
    }

    /** Conv2dSTDP's divisor {@code H_out * W_out}: the update is averaged over output positions. */
    public int locationsPerChannel() {
        return geometry.locations();
    }

    /** Throws if the weights were replaced by an array of another shape. */
    public void checkWeights(INDArray w) {
        if (!Arrays.equals(w.shape(), weightShape) || !w.dataType().isFPType()) {
            throw new IllegalArgumentException("'weights' were replaced by " + SpatialParams.describe(w)
                    + ", expected floating " + Arrays.toString(weightShape));
        }
    }
}
