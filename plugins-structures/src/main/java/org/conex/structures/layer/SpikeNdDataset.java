package org.conex.structures.layer;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.InputBatch;
import org.conex.api.structure.Structure;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Presents a data source one frame per step (behaviors.md §5; priority 320, on an input layer).
 *
 * <p>The owner's variable {@code dataloader} holds an {@code Iterable<InputBatch>}. Each batch's
 * sensory tensor is cut into frames of its trailing {@code ndim_sensory} axes (all leading axes,
 * e.g. batch and time, are flattened in C order), the location tensor likewise with
 * {@code ndim_location}; both must give the same frame count M. With labels, the instance length
 * is {@code M / labels.length()} (it must divide; the parameter {@code instance_duration} is then
 * ignored, as in the reference, with a warning on the network when it was given and differs,
 * ODD-13); without labels it is {@code instance_duration}.
 *
 * <p>Each step writes frame i into the owner's BOOL vectors {@code x} (sensory) and {@code loc}
 * (location), non-zero meaning a spike, and the label of instance {@code i / length} into
 * {@code y} (a Long). The step showing the last frame of an instance sets {@code new_data}
 * (true until the next frame is shown); if {@code silent_interval > 0} the next
 * {@code silent_interval} steps show all-false frames ({@code y} kept) without advancing. (With
 * {@code silent_interval = 0} the reference never clears {@code new_data} once the first instance
 * has ended, so it stops marking instance ends; here it is the same one-step mark in both cases.)
 * At the end of the data it starts again if {@code loop};
 * otherwise (fix of BUG-12, which yields nothing at all) the frames stay all-false and
 * {@code exhausted} becomes true.
 *
 * <p>Frames are copied into preallocated vectors; a batch is decoded once, when it is reached.
 * Errors (missing data, frame size different from the sensory population, labels that do not
 * divide the frames) name the layer and are raised at initialization or when the batch arrives.
 *
 * <p>Checkpointable: a checkpoint holds the position in the data (pass over the data, batches
 * read in it, frame within the batch, silent steps and flags) and the frames and labels of the
 * batch being presented; restoring re-reads the data up to that position (see
 * {@link DataCursor}), so a resumed run shows the same frames as an uninterrupted one.
 */
public final class SpikeNdDataset extends Behavior<NetworkObject> implements Checkpointable {
    /** The reference's LAYER_PRIORITIES entry. */
    public static final double PRIORITY = 320;
    /** The owner variable holding the {@code Iterable<InputBatch>}. */
    public static final String DATA_VARIABLE = "dataloader";

    public static final BehaviorType TYPE = BehaviorType.builder("SpikeNdDataset", SpikeNdDataset::new)
            .priority(PRIORITY).target(Target.ANY)
            .params(ParamSpec.of("instance_duration", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("steps per instance when batches carry no labels"),
                    ParamSpec.of("ndim_sensory", ParamKind.INTEGER).withDefault(2).atLeast(1)
                            .doc("trailing axes of one sensory frame"),
                    ParamSpec.of("ndim_location", ParamKind.INTEGER).withDefault(2).atLeast(1)
                            .doc("trailing axes of one location frame"),
                    ParamSpec.of("have_location", ParamKind.BOOLEAN).withDefault(false),
                    ParamSpec.of("have_sensory", ParamKind.BOOLEAN).withDefault(true),
                    ParamSpec.of("have_label", ParamKind.BOOLEAN).withDefault(true),
                    ParamSpec.of("silent_interval", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("all-false steps after each instance"),
                    ParamSpec.of("loop", ParamKind.BOOLEAN).withDefault(true).doc("restart the data when it ends"))
            .description("feeds spike frames from a data source into an input layer's x, loc and y")
            .build();

    private final boolean sensory;
    private final boolean location;
    private final boolean label;
    private final int silent;
    private final boolean loop;
    private DataCursor cursor;
    private SpikeFrames sens;
    private SpikeFrames locs;
    private long[] labels;
    private int frames;
    private int instance;
    private int next;
    private ByteBuffer x;
    private ByteBuffer loc;
    private boolean newData;
    private int silentCount;
    private boolean exhausted;

    public SpikeNdDataset(Params params) {
        super(params);
        sensory = params.bool("have_sensory");
        location = params.bool("have_location");
        label = params.bool("have_label");
        silent = params.integer("silent_interval");
        loop = params.bool("loop");
    }

    @Override
    public void initialize(NetworkObject owner) {
        Object d = owner.get(DATA_VARIABLE);
        if (!(d instanceof Iterable)) {
            throw error(d == null ? "no data: give the input layer an Iterable of InputBatch (InputLayer.setData, or"
                    + " a 'data' binding when building from a document)"
                    : "variable '" + DATA_VARIABLE + "' is a " + d.getClass().getSimpleName()
                    + ", expected an Iterable of InputBatch");
        }
        if (!label && params().integer("instance_duration") == 0 && silent > 0) {
            throw error("silent_interval " + silent + " needs instance boundaries: give instance_duration >= 1 or"
                    + " labelled batches");
        }
        cursor = new DataCursor(this, (Iterable<?>) d);
        if (!cursor.hasNext()) {
            throw error("the data yields no batches");
        }
        load(cursor.next());
        if (sensory) {
            owner.put("x", Tensors.zeros(DataType.BOOL, sens.length));
            x = Views.bools(owner.array("x"));
            checkPopulation(owner, "sensory_pop", sens, "sensory");
        }
        if (location) {
            owner.put("loc", Tensors.zeros(DataType.BOOL, locs.length));
            loc = Views.bools(owner.array("loc"));
            checkPopulation(owner, "location_pop", locs, "location");
        }
        owner.put("new_data", Boolean.FALSE);
        owner.put("exhausted", Boolean.FALSE);
    }

    /** A ModelException naming this behavior and its owner (for {@link SpikeFrames}). */
    org.conex.api.ModelException fail(String message) {
        return error(message);
    }

    private void checkPopulation(NetworkObject owner, String role, SpikeFrames frames, String what) {
        int length = frames.length;
        if (owner instanceof Structure && ((Structure) owner).ref(role) instanceof NeuronGroup) {
            NeuronGroup g = (NeuronGroup) ((Structure) owner).ref(role);
            if (g.size() != length) {
                throw error(what + " frames have " + length + " values (" + frames.describe() + ") but population '"
                        + g.tag() + "' has " + g.size() + " neurons");
            }
        }
    }

    @Override
    public void forward(NetworkObject owner) {
        if (silent > 0 && newData) {
            if (silentCount == 0) {
                clear();
            }
            silentCount++;
            if (silentCount == silent) {
                newData = false;
                silentCount = 0;
                owner.put("new_data", Boolean.FALSE);
            }
            return;
        }
        if (newData) {
            newData = false;
            owner.put("new_data", Boolean.FALSE);
        }
        if (next >= frames && !advance()) {
            if (!exhausted) {
                exhausted = true;
                clear();
                owner.put("exhausted", Boolean.TRUE);
            }
            return;
        }
        int i = next++;
        if (sensory) {
            sens.copy(i, x);
        }
        if (location) {
            locs.copy(i, loc);
        }
        if (labels != null) {
            owner.put("y", labels[i / instance]);
        }
        if (instance > 0 && i % instance == instance - 1) {
            newData = true;
            owner.put("new_data", Boolean.TRUE);
        }
    }

    private boolean advance() {
        if (!cursor.hasNext()) {
            if (!loop) {
                return false;
            }
            if (!cursor.restart()) {
                throw error("the data yields no batches when iterated again (loop is on)");
            }
        }
        load(cursor.next());
        return true;
    }

    private void clear() {
        if (x != null) {
            for (int k = 0; k < x.capacity(); k++) {
                x.put(k, (byte) 0);
            }
        }
        if (loc != null) {
            for (int k = 0; k < loc.capacity(); k++) {
                loc.put(k, (byte) 0);
            }
        }
    }

    private void load(Object item) {
        if (!(item instanceof InputBatch)) {
            throw error("the data yielded " + (item == null ? "null" : "a " + item.getClass().getSimpleName())
                    + ", expected an InputBatch");
        }
        InputBatch b = (InputBatch) item;
        int m = -1;
        if (sensory) {
            sens = SpikeFrames.of(this, b.sensory(), params().integer("ndim_sensory"), "sensory", sens);
            m = sens.count;
        }
        if (location) {
            locs = SpikeFrames.of(this, b.location(), params().integer("ndim_location"), "location", locs);
            if (m >= 0 && locs.count != m) {
                throw error("sensory and location must have the same number of frames, found " + m + " and "
                        + locs.count);
            }
            m = locs.count;
        }
        if (m < 0) {
            throw error("have_sensory and have_location are both false: there is nothing to present");
        }
        labels = null;
        if (label) {
            if (b.labels() == null) {
                throw error("have_label is true but a batch has no labels");
            }
            double[] l = Tensors.toDoubles(b.labels());
            if (l.length == 0 || m % l.length != 0 || m < l.length) {
                throw error("a batch has " + m + " frames and " + l.length + " labels; the frames must be a whole"
                        + " multiple (>= 1) of the labels");
            }
            labels = new long[l.length];
            for (int k = 0; k < l.length; k++) {
                if (l[k] != Math.rint(l[k])) {
                    throw error("label " + k + " is " + l[k] + ", expected an integer class");
                }
                labels[k] = (long) l[k];
            }
        }
        present(m);
    }

    /** Starts presenting the decoded batch ({@code sens}, {@code locs}, {@code labels}) of m frames. */
    private void present(int m) {
        frames = m;
        next = 0;
        instance = labels != null ? m / labels.length : params().integer("instance_duration");
        if (labels != null && params().isGiven("instance_duration") && params().integer("instance_duration") != instance
                && owner() != null) {
            warn("instance_duration = " + params().integer("instance_duration") + " is ignored: with labels each"
                    + " instance lasts frames / labels = " + m + " / " + labels.length + " = " + instance
                    + " steps, as in the reference (ODD-13)");
        }
    }

    /**
     * Position {@code [pass, batches read in it, next frame, new_data, silent steps, exhausted]}
     * (LONG), the current batch's frames {@code sensory}/{@code location} (BOOL
     * {@code [frames, ...frame shape]}) and {@code labels} (LONG), those the layer has.
     */
    @Override
    public Map<String, INDArray> saveState() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("position", Tensors.longs(new long[] {cursor.pass(), cursor.read(), next, newData ? 1 : 0, silentCount,
                exhausted ? 1 : 0}, 6));
        if (sens != null) {
            m.put("sensory", sens.toArray());
        }
        if (locs != null) {
            m.put("location", locs.toArray());
        }
        if (labels != null) {
            m.put("labels", Tensors.longs(labels, labels.length));
        }
        return m;
    }

    /**
     * Moves the data to the saved position (re-reading it, see {@link DataCursor#seek}) and
     * presents the saved batch from the saved frame on. Call on a freshly initialised layer.
     */
    @Override
    public void restoreState(Map<String, INDArray> state) {
        long[] p = required(state, "position").toLongVector();
        if (p.length != 6) {
            throw new IllegalArgumentException(name() + ": 'position' has " + p.length + " values, expected 6");
        }
        cursor.seek(p[0], p[1]);
        int m = -1;
        if (sensory) {
            sens = SpikeFrames.of(this, required(state, "sensory"), params().integer("ndim_sensory"), "sensory", sens);
            m = sens.count;
        }
        if (location) {
            locs = SpikeFrames.of(this, required(state, "location"), params().integer("ndim_location"), "location",
                    locs);
            m = locs.count;
        }
        labels = state.containsKey("labels") ? state.get("labels").toLongVector() : null;
        if (label && labels == null) {
            throw new IllegalArgumentException(name() + ": the state has no 'labels' but have_label is true");
        }
        present(m);
        if (p[2] < 0 || p[2] > m) {
            throw new IllegalArgumentException(name() + ": saved frame " + p[2] + " is outside the batch of " + m
                    + " frames");
        }
        next = (int) p[2];
        newData = p[3] != 0;
        silentCount = (int) p[4];
        exhausted = p[5] != 0;
    }

    private INDArray required(Map<String, INDArray> state, String key) {
        INDArray a = state.get(key);
        if (a == null) {
            throw new IllegalArgumentException(name() + ": the saved state has no '" + key + "' (it has "
                    + state.keySet() + ")");
        }
        return a;
    }
}
