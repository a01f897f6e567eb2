package org.conex.helpers.data;

import java.util.Arrays;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Presents samples to an input layer step by step ("instance duration" presentation, the
 * semantics of CoNeX's {@code SpikeNdDataset}, behaviors.md 5): each sample is shown for
 * {@code duration} consecutive steps, then {@code silentInterval} steps of zeros follow.
 * <ul>
 * <li>{@link #spikeTrains}: samples are encoded spike tensors {@code [T, ...]}; step k of an
 *     instance shows slice k, so the duration is T;</li>
 * <li>{@link #repeating}: samples are shown unchanged for {@code duration} steps each.</li>
 * </ul>
 * After the last sample the presenter starts again ({@code loop}) or stays silent with
 * {@link #exhausted()} true (the reference yields nothing there and fails, BUG-12).
 *
 * <pre>{@code
 * InstancePresenter in = InstancePresenter.spikeTrains(mnist.map(pipeline), 0, false);
 * while (in.advance()) {
 *     in.copyInto(sensory.array("spikes"));       // flat [784] BOOL of this step
 *     simulation.step();
 * }
 * }</pre>
 * Per step {@link #copyInto} copies the current slice from the decoded instance into the target
 * through a cached zero-copy view (no allocation); only a new instance decodes (and transforms) a
 * sample.
 */
public final class InstancePresenter {
    private final DataSource source;
    private final int fixedDuration;
    private final int silentInterval;
    private final boolean loop;
    private int sampleIndex = -1;
    private int step = -1;
    private int silent;
    private boolean exhausted;
    private double[] instance;
    private int duration;
    private int width = -1;
    private long[] frameShape;
    private long label = -1;
    private final boolean spikes;
    private INDArray lastTarget;
    private java.nio.ByteBuffer targetBools;
    private org.conex.api.tensor.Vec targetVec;

    private InstancePresenter(DataSource source, int duration, int silentInterval, boolean loop, boolean spikes) {
        this.source = Objects.requireNonNull(source, "source");
        if (source.size() == 0) {
            throw new ConexException("InstancePresenter: " + source.describe() + " has no samples");
        }
        if (silentInterval < 0) {
            throw new ConexException("InstancePresenter: silent interval must be >= 0 steps, found " + silentInterval);
        }
        this.fixedDuration = duration;
        this.silentInterval = silentInterval;
        this.loop = loop;
        this.spikes = spikes;
    }

    /** Samples are spike tensors {@code [T, ...]}, slice k shown at step k of the instance. */
    public static InstancePresenter spikeTrains(DataSource encoded, int silentInterval, boolean loop) {
        return new InstancePresenter(encoded, 0, silentInterval, loop, true);
    }

    /** Each sample shown unchanged for {@code duration} steps. */
    public static InstancePresenter repeating(DataSource source, int duration, int silentInterval, boolean loop) {
        if (duration < 1) {
            throw new ConexException("InstancePresenter: instance duration must be >= 1 step, found " + duration);
        }
        return new InstancePresenter(source, duration, silentInterval, loop, false);
    }

    /**
     * Moves to the next step. Returns false once every sample was shown (without loop); from then on
     * the current frame is all zeros.
     */
    public boolean advance() {
        if (exhausted) {
            return false;
        }
        if (sampleIndex >= 0 && step == duration - 1 && silent < silentInterval) {
            silent++;
            return true;
        }
        if (sampleIndex < 0 || step == duration - 1) {
            int next = sampleIndex + 1;
            if (next == source.size()) {
                if (!loop) {
                    exhausted = true;
                    instance = null;
                    return false;
                }
                next = 0;
            }
            load(next);
            return true;
        }
        step++;
        return true;
    }

    private void load(int index) {
        Sample s = source.get(index);
        INDArray x = s.sensory();
        long[] shape = x.shape();
        if (spikes) {
            if (shape.length < 1 || shape[0] < 1) {
                throw new ConexException("InstancePresenter: sample " + index + " of shape " + Arrays.toString(shape)
                        + " is not a spike tensor [T, ...]");
            }
            duration = (int) shape[0];
            frameShape = Arrays.copyOfRange(shape, 1, shape.length);
        } else {
            duration = fixedDuration;
            frameShape = shape;
        }
        instance = Tensors.toDoubles(x);
        int w = spikes ? instance.length / duration : instance.length;
        if (width >= 0 && w != width) {
            throw new ConexException("InstancePresenter: sample " + index + " has " + w + " values per step, earlier"
                    + " samples had " + width);
        }
        width = w;
        sampleIndex = index;
        step = 0;
        silent = 0;
        label = s.label().orElse(-1);
    }

    /** True during the silent steps after an instance and after the last sample without loop. */
    public boolean isSilent() {
        return exhausted || (silentInterval > 0 && silent > 0);
    }

    public boolean exhausted() {
        return exhausted;
    }

    /** Index of the sample being shown (-1 before the first step). */
    public int sampleIndex() {
        return sampleIndex;
    }

    /** Step within the instance, 0-based. */
    public int stepInInstance() {
        return step;
    }

    /** Steps per instance of the current sample. */
    public int duration() {
        return duration;
    }

    /** The current sample's label, or -1. */
    public long label() {
        return label;
    }

    /** Values per step (the flat size of one frame). */
    public int frameSize() {
        return width;
    }

    /** The current frame value {@code i} (C order), 0 when silent. */
    public double value(int i) {
        if (isSilent() || instance == null) {
            return 0;
        }
        return instance[spikes ? step * width + i : i];
    }

    /** The current frame as a new array of the frame shape (BOOL for spike trains, float32 otherwise). */
    public INDArray frame() {
        double[] v = new double[width];
        for (int i = 0; i < width; i++) {
            v[i] = value(i);
        }
        if (spikes) {
            boolean[] b = new boolean[width];
            for (int i = 0; i < width; i++) {
                b[i] = v[i] != 0;
            }
            return Tensors.bools(b, frameShape);
        }
        return Tensors.of(org.conex.api.tensor.DType.FLOAT32, v, frameShape);
    }

    /**
     * Copies the current frame into {@code target} (any shape with the frame's number of elements:
     * BOOL as 0/1, FLOAT or DOUBLE as values) without allocating.
     */
    public void copyInto(INDArray target) {
        if (target.length() != width) {
            throw new ConexException("InstancePresenter: target has " + target.length() + " elements, frames have "
                    + width);
        }
        if (target != lastTarget) { // views are made once per target array, not per step
            lastTarget = target;
            boolean bool = target.dataType() == DataType.BOOL;
            targetBools = bool ? org.conex.api.tensor.Views.bools(target) : null;
            targetVec = bool ? null : org.conex.api.tensor.Vec.of(target);
        }
        if (targetBools != null) {
            for (int i = 0; i < width; i++) {
                targetBools.put(i, value(i) != 0 ? (byte) 1 : 0);
            }
        } else {
            for (int i = 0; i < width; i++) {
                targetVec.set(i, value(i));
            }
        }
    }
}
