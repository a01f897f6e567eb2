package org.conex.api.helper;

import org.conex.api.tensor.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Encodes an intensity tensor of any shape into a BOOL spike tensor {@code [T, ...shape]}, one
 * slice per simulation step ({@code T} = {@link #timeWindow()}). Stochastic encoders draw from a
 * {@link RandomStream}: {@link #encode(INDArray, RandomStream)} uses the stream given (for example
 * {@code network.random().stream("input/encoder")}, derived from the network's master seed);
 * {@link #transform(INDArray)} uses the encoder's own stream, fixed at construction (an explicit
 * seed or a stream from the helper context). The input is never modified.
 */
public interface SpikeEncoder extends TensorTransform {
    /** Number of steps {@code T} of every encoded sample. */
    int timeWindow();

    /** Encodes {@code intensities} drawing from {@code random} (deterministic encoders ignore it). */
    INDArray encode(INDArray intensities, RandomStream random);

    /** Encodes with this encoder's own stream; shape {@code [T, ...intensities.shape()]}, BOOL. */
    @Override
    INDArray transform(INDArray intensities);

    /** The same as {@link #transform}: {@code new PoissonEncoder(20).encode(image)}. */
    default INDArray encode(INDArray intensities) {
        return transform(intensities);
    }
}
