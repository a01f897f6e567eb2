package org.conex.api.model;

/**
 * Geometry of a neuron group: depth x height x width (the reference's NeuronDimension). Neuron
 * index {@code i = (z*height + y)*width + x} (C order).
 */
public record NeuronShape(int depth, int height, int width) {
    public NeuronShape {
        if (depth < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("neuron shape needs depth, height and width >= 1, found " + depth + "x"
                    + height + "x" + width);
        }
        long n = (long) depth * height * width;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("neuron shape " + depth + "x" + height + "x" + width + " has " + n
                    + " neurons, more than " + Integer.MAX_VALUE);
        }
    }

    /** A flat group of n neurons viewed as 1 x 1 x n. */
    public static NeuronShape flat(int n) {
        return new NeuronShape(1, 1, n);
    }

    public int size() {
        return depth * height * width;
    }

    @Override
    public String toString() {
        return depth + "x" + height + "x" + width;
    }
}
