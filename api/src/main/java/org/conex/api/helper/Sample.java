package org.conex.api.helper;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One data item travelling through an input pipeline: the sensory tensor (an image
 * {@code [H, W]} or {@code [C, H, W]}, later a spike tensor {@code [T, ...]}), an optional location
 * tensor (set by grid masks: BOOL {@code [K, m, n]}) and an optional class label. Immutable; the
 * {@code with...} methods return a new sample sharing the untouched parts.
 */
public final class Sample {
    private final INDArray sensory;
    private final INDArray location;
    private final Long label;

    private Sample(INDArray sensory, INDArray location, Long label) {
        this.sensory = Objects.requireNonNull(sensory, "sensory");
        this.location = location;
        this.label = label;
    }

    /** A sample with a sensory tensor only. */
    public static Sample of(INDArray sensory) {
        return new Sample(sensory, null, null);
    }

    /** A labelled sample. */
    public static Sample of(INDArray sensory, long label) {
        return new Sample(sensory, null, label);
    }

    public INDArray sensory() {
        return sensory;
    }

    /** The location tensor, if a mask step produced one. */
    public Optional<INDArray> location() {
        return Optional.ofNullable(location);
    }

    /** The class label, if the dataset has labels. */
    public OptionalLong label() {
        return label == null ? OptionalLong.empty() : OptionalLong.of(label);
    }

    public Sample withSensory(INDArray s) {
        return new Sample(s, location, label);
    }

    /** A copy with this location ({@code null}: none). */
    public Sample withLocation(INDArray loc) {
        return new Sample(sensory, loc, label);
    }

    public Sample withLabel(long l) {
        return new Sample(sensory, location, l);
    }

    @Override
    public String toString() {
        return "Sample[sensory " + Arrays.toString(sensory.shape())
                + (location == null ? "" : ", location " + Arrays.toString(location.shape()))
                + (label == null ? "" : ", label " + label) + "]";
    }
}
