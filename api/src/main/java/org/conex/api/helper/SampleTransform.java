package org.conex.api.helper;

import java.util.Objects;

/**
 * One step of an input pipeline acting on a whole {@link Sample} (sensory tensor, optional
 * location, optional label). Mask transforms use this form because they also set the location;
 * plain tensor steps are {@link TensorTransform}s, which are sample transforms of the sensory part.
 *
 * <p>Implementations never modify the arrays of the sample they are given: they return a new
 * sample holding new arrays (or the same arrays where nothing changed).
 */
@FunctionalInterface
public interface SampleTransform {
    /** The transformed sample; {@code sample} is left unchanged. */
    Sample apply(Sample sample);

    /** This step, then {@code next}. */
    default SampleTransform andThen(SampleTransform next) {
        Objects.requireNonNull(next, "next");
        return s -> next.apply(apply(s));
    }

    /** The identity step. */
    static SampleTransform identity() {
        return s -> s;
    }
}
