package org.conex.helpers.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.conex.api.helper.Sample;
import org.conex.api.helper.SampleTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ordered, immutable list of pipeline steps (filters, masks, transforms, an encoder last)
 * applied to a {@link Sample} one after the other. Unlike {@link SampleTransform#andThen} it
 * keeps its steps visible ({@link #steps()}, {@link #toString()}).
 *
 * <pre>{@code
 * Pipeline p = Pipeline.of(ShapeTransforms.squeeze(0), new PoissonEncoder(20));
 * INDArray spikes = p.apply(image);          // [100, 28, 28] BOOL from a [1, 28, 28] image
 * }</pre>
 */
public final class Pipeline implements SampleTransform {
    private final List<SampleTransform> steps;

    private Pipeline(List<SampleTransform> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Pipeline of(SampleTransform... steps) {
        return new Pipeline(List.of(steps));
    }

    public static Pipeline of(List<? extends SampleTransform> steps) {
        return new Pipeline(new ArrayList<>(steps));
    }

    /** A new pipeline with {@code step} appended. */
    public Pipeline then(SampleTransform step) {
        List<SampleTransform> s = new ArrayList<>(steps);
        s.add(Objects.requireNonNull(step, "step"));
        return new Pipeline(s);
    }

    public List<SampleTransform> steps() {
        return steps;
    }

    @Override
    public Sample apply(Sample sample) {
        Sample s = sample;
        for (SampleTransform t : steps) {
            s = t.apply(s);
        }
        return s;
    }

    /** Runs the steps on a bare tensor and returns the resulting sensory tensor. */
    public INDArray apply(INDArray x) {
        return apply(Sample.of(x)).sensory();
    }

    @Override
    public String toString() {
        return "Pipeline" + steps;
    }
}
