package org.conex.runtime.recording;

import java.nio.ByteBuffer;
import org.conex.api.ModelException;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Recordable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One recorded variable of one object, streamed to one .npy file: either dense (one row per
 * sample, the variable's shape or the selected neurons) or events (one {@code (step, index)} INT64
 * row per non-zero element at each sample).
 */
final class Channel {
    final String target;
    final String variable;
    final boolean events;
    final int every;
    final int[] neurons;
    final String fileName;
    final long firstStep;
    NpyWriter writer;
    /** Type and shape of the variable when the file was opened; every later sample must keep them. */
    private org.nd4j.linalg.api.buffer.DataType valueType;
    private long[] valueShape;

    Channel(String target, String variable, boolean events, int every, int[] neurons, long firstStep) {
        this.target = target;
        this.variable = variable;
        this.events = events;
        this.every = every;
        this.neurons = neurons;
        this.fileName = target + "." + variable + (events ? ".events" : "") + ".npy";
        this.firstStep = firstStep;
    }

    /** The current value of the variable as an array (scalars as a 0-d array, sparse as dense). */
    static INDArray value(NetworkObject o, String name) {
        Object v = o.get(name);
        if (v instanceof INDArray) {
            return (INDArray) v;
        }
        if (v instanceof Number) {
            return Nd4j.scalar(((Number) v).doubleValue());
        }
        if (v instanceof Recordable) {
            return ((Recordable) v).snapshot();
        }
        if (v == null) {
            throw new ModelException("'" + o.tag() + "' has no variable '" + name + "'");
        }
        throw new ModelException("'" + o.tag() + "'.'" + name + "' cannot be recorded: it is a "
                + v.getClass().getSimpleName() + ", not an array or a number");
    }

    /** Row shape and type for the file, from the value at initialization. */
    long[] rowShape(INDArray a) {
        if (events) {
            return new long[] {2};
        }
        if (neurons != null) {
            return new long[] {neurons.length};
        }
        return a.shape();
    }

    NpyType type(INDArray a) {
        return events ? NpyType.INT64 : NpyType.of(a.dataType());
    }

    /** Remembers the type and shape of the value the file's rows were declared from. */
    void expect(INDArray a) {
        valueType = a.dataType();
        valueShape = a.shape();
    }

    /**
     * Writes one sample of {@code o} taken at step {@code t}.
     *
     * @throws ModelException if a dense variable changed type or shape since its file was opened
     *                        (nothing of the row is written)
     */
    void sample(NetworkObject o, long t) {
        INDArray a = value(o, variable);
        if (!events && valueType != null
                && (a.dataType() != valueType || !java.util.Arrays.equals(a.shape(), valueShape))) {
            throw new ModelException("recording '" + target + "'.'" + variable + "' at step " + t + ": it was "
                    + valueType + java.util.Arrays.toString(valueShape) + " when its file was opened, now "
                    + a.dataType() + java.util.Arrays.toString(a.shape())
                    + "; a recorded variable must keep its type and shape");
        }
        if (!events) {
            ByteBuffer b = writer.beginRow();
            ArrayBytes.put(a, neurons, b);
            writer.endRow();
            return;
        }
        INDArray c = ArrayBytes.contiguous(a);
        ByteBuffer raw = ArrayBytes.raw(c);
        if (neurons != null) {
            for (int i : neurons) {
                if (ArrayBytes.nonZero(raw, c.dataType(), i)) {
                    writer.writeLongs(t, i);
                }
            }
            return;
        }
        for (int i = 0, n = (int) c.length(); i < n; i++) {
            if (ArrayBytes.nonZero(raw, c.dataType(), i)) {
                writer.writeLongs(t, i);
            }
        }
    }
}
