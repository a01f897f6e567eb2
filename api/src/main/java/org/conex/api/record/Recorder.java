package org.conex.api.record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.Recordable;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Records copies of named variables of its owner every {@code gap_width} steps (0 or 1: every
 * step) while the owner's recording flag is on, keeping at most {@code max_length} samples.
 * A variable may be written as {@code v} or with a PymoNNtorch prefix ({@code n.v}, {@code s.w}).
 * {@link #data(String)} returns the live history {@code [T, ...shape]} (a scalar variable gives
 * {@code [T]}). Initialised last, like in the reference.
 *
 * <p>Checkpointable: a checkpoint holds the gap counter and every kept sample, so a run resumed
 * from it returns the same {@link #data} as an uninterrupted one.
 */
public class Recorder extends Behavior<NetworkObject> implements Checkpointable {
    public static final BehaviorType TYPE = BehaviorType.builder("Recorder", Recorder::new)
            .priority(1000).target(Target.ANY).initializeLast()
            .params(ParamSpec.of("variables", ParamKind.ANY).asRequired()
                            .doc("variable names to record (a name or a list of names)"),
                    ParamSpec.of("gap_width", ParamKind.INTEGER).withDefault(0).atLeast(0)
                            .doc("record every gap_width-th step (0 and 1: every step)"),
                    ParamSpec.of("max_length", ParamKind.INTEGER).atLeast(1)
                            .doc("keep at most this many samples (oldest dropped)"))
            .description("records copies of variables every gap_width steps")
            .build();

    private final List<String> variables = new ArrayList<>();
    private final Map<String, Deque<INDArray>> history = new LinkedHashMap<>();
    private final int gapWidth;
    private final Integer maxLength;
    private int counter;

    public Recorder(Params params) {
        super(params);
        Object v = params.get("variables");
        if (v instanceof String) {
            variables.add((String) v);
        } else if (v instanceof List) {
            for (Object o : (List<?>) v) {
                if (!(o instanceof String)) {
                    throw new org.conex.api.behavior.ParameterException(params.component(), "variables",
                            "a list of variable names", v);
                }
                variables.add((String) o);
            }
        } else {
            throw new org.conex.api.behavior.ParameterException(params.component(), "variables",
                    "a variable name or a list of names", v);
        }
        gapWidth = params.integer("gap_width");
        maxLength = (Integer) params.get("max_length");
    }

    /** Strips a PymoNNtorch owner prefix ({@code n.}, {@code s.}, {@code neurons.}, {@code synapse.}). */
    public static String variableName(String expr) {
        String e = expr.strip();
        for (String p : new String[] {"neurons.", "synapse.", "n.", "s."}) {
            if (e.startsWith(p)) {
                return e.substring(p.length());
            }
        }
        return e;
    }

    @Override
    public void initialize(NetworkObject owner) {
        counter = 0;
        history.clear();
        for (String v : variables) {
            history.put(v, new ArrayDeque<>());
        }
    }

    @Override
    public void forward(NetworkObject owner) {
        if (owner.isRecording()) {
            counter++;
            if (counter >= gapWidth) {
                counter = 0;
                for (String v : variables) {
                    checkSample(owner, v, history.get(v)); // all first: a refused sample leaves every history as it was
                }
                for (String v : variables) {
                    record(owner, v, history.get(v));
                }
            }
        }
        if (maxLength != null) {
            for (Deque<INDArray> h : history.values()) {
                while (h.size() > maxLength) {
                    h.removeFirst();
                }
            }
        }
    }

    /**
     * Checks that the current value of {@code v} can be appended to {@code into}, before any
     * variable of this step is recorded: a value whose shape differs from the previous sample is
     * refused (the history could not be stacked into {@code [T, ...shape]}); a change of dtype is
     * fine, {@link #data} promotes it. Subclasses that store another form override it.
     *
     * @throws org.conex.api.ModelException naming the object, the variable, the step and both shapes
     */
    protected void checkSample(NetworkObject owner, String v, Deque<INDArray> into) {
        INDArray last = into.peekLast();
        if (last == null) {
            return;
        }
        Object val = owner.get(variableName(v));
        long[] shape = val instanceof INDArray ? ((INDArray) val).shape() : sample(owner, variableName(v)).shape();
        if (!java.util.Arrays.equals(last.shape(), shape)) {
            throw new org.conex.api.ModelException("'" + owner.tag() + "'.'" + v + "' changed shape from "
                    + java.util.Arrays.toString(last.shape()) + " to " + java.util.Arrays.toString(shape)
                    + " at step " + owner.network().iteration() + "; a Recorder needs the same shape in every"
                    + " step");
        }
    }

    /** Appends one sample of {@code v} (checked by {@link #checkSample}); subclasses may store another form. */
    protected void record(NetworkObject owner, String v, Deque<INDArray> into) {
        into.addLast(sample(owner, variableName(v)));
    }

    /** A fresh copy of the current value of a variable as an array. */
    public static INDArray sample(NetworkObject owner, String name) {
        Object val = owner.get(name);
        if (val instanceof INDArray) {
            return ((INDArray) val).dup('c');
        }
        if (val instanceof Number) {
            return Nd4j.scalar(((Number) val).doubleValue());
        }
        if (val instanceof Recordable) {
            return ((Recordable) val).snapshot();
        }
        if (val == null) {
            return owner.array(name); // throws a message naming the object and its variables
        }
        throw new org.conex.api.ModelException("'" + owner.tag() + "'.'" + name + "' cannot be recorded (a "
                + val.getClass().getSimpleName() + ")");
    }

    /** Recorded variable expressions in order. */
    public List<String> variables() {
        return List.copyOf(variables);
    }

    /** Number of samples currently held for {@code variable}. */
    public int length(String variable) {
        return samples(variable).size();
    }

    /** Live history of a variable: a new array {@code [T, ...shape]} (empty: shape [0]). */
    public INDArray data(String variable) {
        Deque<INDArray> h = samples(variable);
        if (h.isEmpty()) {
            return Nd4j.empty(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        }
        return stack(h);
    }

    /**
     * The samples stacked along a new first axis (a 0-d sample gives one element). Samples of
     * different dtypes are promoted as torch.stack does: to the widest floating type among them,
     * else to the widest integer type, else (all boolean) kept.
     */
    private static INDArray stack(Deque<INDArray> h) {
        org.nd4j.linalg.api.buffer.DataType type = commonType(h);
        INDArray[] rows = new INDArray[h.size()];
        int i = 0;
        for (INDArray a : h) {
            INDArray r = a.dataType() == type ? a : a.castTo(type);
            rows[i++] = r.rank() == 0 ? r.reshape(1) : r.reshape(prepend(r.shape()));
        }
        return Nd4j.concat(0, rows);
    }

    private static org.nd4j.linalg.api.buffer.DataType commonType(Deque<INDArray> h) {
        org.nd4j.linalg.api.buffer.DataType widestFloat = null;
        org.nd4j.linalg.api.buffer.DataType widestInt = null;
        for (INDArray a : h) {
            org.nd4j.linalg.api.buffer.DataType t = a.dataType();
            if (t.isFPType() && (widestFloat == null || t.width() > widestFloat.width())) {
                widestFloat = t;
            } else if (t.isIntType() && (widestInt == null || t.width() > widestInt.width())) {
                widestInt = t;
            }
        }
        return widestFloat != null ? widestFloat : widestInt != null ? widestInt : h.peekFirst().dataType();
    }

    private static long[] prepend(long[] s) {
        long[] out = new long[s.length + 1];
        out[0] = 1;
        System.arraycopy(s, 0, out, 1, s.length);
        return out;
    }

    protected Deque<INDArray> samples(String variable) {
        Deque<INDArray> h = history.get(variable);
        if (h == null) {
            throw new IllegalArgumentException(name() + " records " + variables + ", not '" + variable + "'");
        }
        return h;
    }

    /**
     * {@code counter}: the gap counter (LONG [1]); {@code samples_K}: the kept samples of the K-th
     * recorded variable stacked along a new first axis (absent while it has none).
     */
    @Override
    public Map<String, INDArray> saveState() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("counter", Tensors.longs(new long[] {counter}, 1));
        int k = 0;
        for (Deque<INDArray> h : history.values()) {
            if (!h.isEmpty()) {
                m.put("samples_" + k, stack(h));
            }
            k++;
        }
        return m;
    }

    /** Replaces the counter and every variable's samples by those of {@link #saveState()}. */
    @Override
    public void restoreState(Map<String, INDArray> state) {
        INDArray c = state.get("counter");
        if (c == null || c.length() != 1) {
            throw new IllegalArgumentException(name() + ": the saved state has no 'counter' (it has " + state.keySet()
                    + ")");
        }
        counter = (int) c.getLong(0);
        int k = 0;
        for (Deque<INDArray> h : history.values()) {
            h.clear();
            INDArray saved = state.get("samples_" + k++);
            if (saved == null) {
                continue;
            }
            long[] shape = saved.shape();
            long[] sampleShape = java.util.Arrays.copyOfRange(shape, 1, shape.length);
            INDArray rows = saved.reshape('c', shape[0], saved.length() / shape[0]);
            for (long i = 0; i < shape[0]; i++) {
                h.addLast(rows.getRow(i).dup('c').reshape('c', sampleShape));
            }
        }
    }

    /** Drops all samples and restarts the gap counter. */
    public void clear() {
        counter = 0;
        for (Deque<INDArray> h : history.values()) {
            h.clear();
        }
    }
}
