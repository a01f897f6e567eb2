package org.conex.helpers.encoders;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.helper.SpikeEncoder;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shared frame of the encoders: the time window {@code T}, the encoder's own random stream, reading
 * the input as a private copy (so the caller's array is never modified) and building the BOOL
 * output {@code [T, ...shape]}. Arithmetic follows the input's precision: a DOUBLE input is
 * computed in double, anything else in float32 like the reference.
 */
public abstract class AbstractSpikeEncoder implements SpikeEncoder {
    private final String name;
    private final int timeWindow;
    private final RandomStream random;

    /**
     * @param name       encoder name for messages
     * @param timeWindow steps per encoded sample, at least 1
     * @param random     the stream {@link #transform} draws from (never null)
     */
    protected AbstractSpikeEncoder(String name, int timeWindow, RandomStream random) {
        if (timeWindow < 1) {
            throw new ConexException(name + ": time window must be >= 1 step, found " + timeWindow);
        }
        this.name = name;
        this.timeWindow = timeWindow;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public final int timeWindow() {
        return timeWindow;
    }

    /** The encoder's own stream (used by {@link #transform}). */
    public final RandomStream random() {
        return random;
    }

    @Override
    public final INDArray transform(INDArray intensities) {
        return encode(intensities, random);
    }

    /**
     * Encodes with this encoder's own stream: {@code new PoissonEncoder(20).withSeed(7).encode(x)}.
     *
     * @param intensities values in [0, 1], any shape
     * @return spikes {@code [time, ...shape]}
     */
    public final INDArray encode(INDArray intensities) {
        return encode(intensities, random);
    }

    @Override
    public final INDArray encode(INDArray intensities, RandomStream rng) {
        Objects.requireNonNull(intensities, "intensities");
        Objects.requireNonNull(rng, "random");
        double[] x = Tensors.toDoubles(intensities);
        DType precision = intensities.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new ConexException(name + ": intensity " + i + " is NaN");
            }
        }
        INDArray out = Tensors.zeros(DataType.BOOL, outputShape(intensities.shape()));
        if (x.length > 0) {
            fill(x, precision, rng, Views.bools(out));
        }
        return out;
    }

    /**
     * Writes the spikes: {@code out} is the flat BOOL buffer of {@code [T, n]} (step-major, all zero
     * on entry), {@code x} the flat input copy (may be overwritten), {@code precision} the rounding.
     */
    protected abstract void fill(double[] x, DType precision, RandomStream rng, ByteBuffer out);

    /** An error naming this encoder. */
    protected final ConexException error(String message) {
        return new ConexException(name + ": " + message);
    }

    /** Rejects negative values ("intensity i is -0.5; ..."). */
    protected final void requireNonNegative(double[] x, String what) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                throw error(what + " " + i + " is " + x[i] + "; expected values >= 0");
            }
        }
    }

    private long[] outputShape(long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = timeWindow;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    @Override
    public String toString() {
        return name + "(T=" + timeWindow + ")";
    }
}
