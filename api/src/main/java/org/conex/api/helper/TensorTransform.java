package org.conex.api.helper;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A function from one tensor to another (squeeze, normalization, a DoG filter, ...). Applied to a
 * {@link Sample} it transforms the sensory tensor and keeps location and label.
 *
 * <p>Contract: {@link #transform} never modifies its argument; it returns a new array (or the
 * argument itself when the step is the identity for that input). Shapes are documented by each
 * implementation.
 */
@FunctionalInterface
public interface TensorTransform extends SampleTransform {
    /** The transformed tensor; {@code x} is left unchanged. */
    INDArray transform(INDArray x);

    @Override
    default Sample apply(Sample sample) {
        return sample.withSensory(transform(sample.sensory()));
    }

    /** This transform, then {@code next}. */
    default TensorTransform andThen(TensorTransform next) {
        Objects.requireNonNull(next, "next");
        return x -> next.transform(transform(x));
    }
}
