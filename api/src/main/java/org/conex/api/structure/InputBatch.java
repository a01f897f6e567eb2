package org.conex.api.structure;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch an input layer reads (the reference's DataLoader item), any part may be null.
 *
 * <ul>
 *   <li>{@code sensory}: spike frames {@code [..., *frame]}: all leading axes (batch, time) are
 *       flattened in C order into a sequence of frames whose trailing {@code ndim_sensory} axes
 *       are one frame (e.g. {@code [16, 30, 28, 28]} = 480 frames of 28x28). Any numeric or BOOL
 *       type; non-zero means a spike.</li>
 *   <li>{@code location}: location frames, flattened the same way with {@code ndim_location}.</li>
 *   <li>{@code labels}: one label per instance ({@code [B]}, integral values); the instance length
 *       is then {@code frames / labels.length()}.</li>
 * </ul>
 *
 * @param sensory  sensory frames or null
 * @param location location frames or null
 * @param labels   instance labels or null
 */
public record InputBatch(INDArray sensory, INDArray location, INDArray labels) {

    /** A batch of sensory frames with labels. */
    public static InputBatch of(INDArray sensory, INDArray labels) {
        return new InputBatch(sensory, null, labels);
    }
}
