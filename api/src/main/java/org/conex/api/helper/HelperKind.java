package org.conex.api.helper;

/**
 * The families of helpers a model file can name, each with the Java interface its instances
 * implement. A model's input layer combines one {@link #DATASET}, a pipeline of
 * {@link #FILTER}, {@link #MASK} and {@link #TRANSFORM} steps, and one {@link #ENCODER}.
 */
public enum HelperKind {
    /** Turns intensities into a spike tensor {@code [T, ...shape]}; a {@link SpikeEncoder}. */
    ENCODER(SpikeEncoder.class, "an encoder"),
    /** A convolution kernel applied to images (DoG, Gabor, Conv2d); a {@link TensorTransform}. */
    FILTER(TensorTransform.class, "a filter"),
    /** Splits or masks an image and may set the sample's location; a {@link SampleTransform}. */
    MASK(SampleTransform.class, "a mask"),
    /** A shape or value transform (squeeze, normalization, ...); a {@link TensorTransform}. */
    TRANSFORM(TensorTransform.class, "a transform"),
    /** A source of samples (MNIST, .npy files, ...); a {@link DataSource}. */
    DATASET(DataSource.class, "a dataset");

    private final Class<?> productType;
    private final String description;

    HelperKind(Class<?> productType, String description) {
        this.productType = productType;
        this.description = description;
    }

    /** The interface every instance of this kind implements. */
    public Class<?> productType() {
        return productType;
    }

    /** How the kind reads in messages ("an encoder", "a dataset", ...). */
    public String description() {
        return description;
    }
}
