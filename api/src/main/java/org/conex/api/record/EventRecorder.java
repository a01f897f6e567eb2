package org.conex.api.record;

import java.util.Deque;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Records events instead of full tensors: for each recorded step, one row
 * {@code (iteration, index...)} per non-zero element (row-major order), so {@link #data(String)}
 * of a spike vector is an {@code [E, 2]} LONG table of {@code (t, i)} pairs. {@code max_length}
 * bounds the number of kept events.
 */
public class EventRecorder extends Recorder {
    public static final BehaviorType TYPE = BehaviorType.builder("EventRecorder", EventRecorder::new)
            .priority(1000).target(Target.ANY).initializeLast()
            .params(ParamSpec.of("variables", ParamKind.ANY).asRequired(),
                    ParamSpec.of("gap_width", ParamKind.INTEGER).withDefault(0).atLeast(0),
                    ParamSpec.of("max_length", ParamKind.INTEGER).atLeast(1))
            .description("records (iteration, index) events of non-zero elements")
            .build();

    public EventRecorder(Params params) {
        super(params);
    }

    @Override
    protected void checkSample(NetworkObject owner, String v, Deque<INDArray> into) {
        // events are (step, index) pairs: any shape of the variable can be recorded
    }

    @Override
    protected void record(NetworkObject owner, String v, Deque<INDArray> into) {
        INDArray x = sample(owner, variableName(v));
        double[] vals = Tensors.toDoubles(x);
        long[] shape = x.shape();
        long t = owner.network().iteration();
        for (int k = 0; k < vals.length; k++) {
            if (vals[k] != 0) {
                long[] row = new long[1 + shape.length];
                row[0] = t;
                long rem = k;
                for (int d = shape.length - 1; d >= 0; d--) {
                    row[1 + d] = rem % shape[d];
                    rem /= shape[d];
                }
                into.addLast(Tensors.longs(row, row.length));
            }
        }
    }

    @Override
    public INDArray data(String variable) {
        Deque<INDArray> h = samples(variable);
        if (h.isEmpty()) {
            return Nd4j.empty(org.nd4j.linalg.api.buffer.DataType.LONG);
        }
        return Nd4j.vstack(h.stream().map(a -> a.reshape(1, a.length())).toArray(INDArray[]::new));
    }

    /** Iteration numbers of the events (column 0). */
    public long[] times(String variable) {
        return column(variable, 0);
    }

    /** First index of the events (column 1). */
    public long[] indices(String variable) {
        return column(variable, 1);
    }

    private long[] column(String variable, int c) {
        Deque<INDArray> h = samples(variable);
        long[] out = new long[h.size()];
        int i = 0;
        for (INDArray a : h) {
            out[i++] = a.getLong(c);
        }
        return out;
    }
}
