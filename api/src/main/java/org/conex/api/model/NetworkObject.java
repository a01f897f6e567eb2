package org.conex.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.conex.api.ModelException;
import org.conex.api.behavior.Behavior;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Anything that lives in a {@link Network} and carries behaviors and named state: the network
 * itself, neuron groups, synapse groups and structures.
 *
 * <p>State variables are held by name: floating and integer tensors as ND4J {@link INDArray}s,
 * network-level scalars (dt, payoff, dopamine) as {@code Double}, and a few object references
 * (the axon history, the spiking-neuron model). Writing an array over an existing one of the same
 * shape and type copies in place, so kernel views ({@link #vec}) stay valid.
 */
public abstract class NetworkObject {
    private final Network network;
    private final List<String> tags = new ArrayList<>();
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final TreeMap<Double, Behavior<?>> behaviors = new TreeMap<>();
    private final Map<String, Vec> views = new HashMap<>();
    private boolean recording = true;

    /** For the network itself (network == null means "this"). */
    NetworkObject(Network network, String tag, String kindTag) {
        this.network = network == null ? (Network) this : network;
        addTag(tag);
        addTag(kindTag);
    }

    /**
     * For structures defined outside this package ({@code org.conex.api.structure.Structure}):
     * an object of {@code network} whose primary tag is {@code tag}. The subclass registers itself
     * with {@link Network#addStructure} so that tag lookup and creation order see it.
     *
     * @param network the owning network, never null
     * @param tag     primary tag (the caller checks uniqueness with {@link Network#checkNewTag})
     */
    protected NetworkObject(Network network, String tag) {
        this(java.util.Objects.requireNonNull(network, "network"), tag, null);
    }

    /** The network this object belongs to (the network returns itself). */
    public final Network network() {
        return network;
    }

    /** The primary tag (unique name of the object in its network). */
    public final String tag() {
        return tags.get(0);
    }

    /** A short word for messages: "network", "neuron group", "synapse group", "structure". */
    public abstract String kind();

    public final List<String> tags() {
        return Collections.unmodifiableList(tags);
    }

    public final boolean hasTag(String t) {
        return tags.contains(t);
    }

    /**
     * Adds comma-separated tags (pieces are stripped, blanks and duplicates skipped). Tag lookups
     * are always computed live, so a new tag is visible at once.
     */
    public final void addTag(String t) {
        if (t == null) {
            return;
        }
        for (String piece : t.split(",")) {
            String p = piece.strip();
            if (!p.isEmpty() && !tags.contains(p)) {
                tags.add(p);
            }
        }
        if (network != null) {
            network.structureChanged();
        }
    }

    // ---------------------------------------------------------------- behaviors

    /**
     * Attaches a behavior under a priority (its execution-order key). Priorities are unique per
     * object.
     *
     * @return the behavior
     * @throws ModelException if the priority is taken on this object or the behavior does not fit
     */
    public final <B extends Behavior<?>> B addBehavior(double priority, B behavior) {
        if (Double.isNaN(priority) || Double.isInfinite(priority)) {
            throw new ModelException("'" + tag() + "': priority of " + behavior.name() + " must be a finite number, found "
                    + priority);
        }
        Behavior<?> old = behaviors.get(priority);
        if (old != null) {
            throw new ModelException("'" + tag() + "' already has " + old.name() + " at priority "
                    + Behavior.formatPriority(priority) + "; cannot add " + behavior.name()
                    + " there (priorities are unique per object; give it another priority)");
        }
        behavior.attach(this, priority);
        behaviors.put(priority, behavior);
        network.register(this, priority, behavior);
        return behavior;
    }

    /** Attaches a behavior at its type's default priority. */
    public final <B extends Behavior<?>> B addBehavior(B behavior) {
        if (behavior.type() == null) {
            throw new ModelException(behavior.name() + " has no type, give a priority explicitly");
        }
        return addBehavior(behavior.type().defaultPriority(), behavior);
    }

    /** Removes the behavior at {@code priority}; returns it, or null if there was none. */
    public final Behavior<?> removeBehavior(double priority) {
        Behavior<?> b = behaviors.remove(priority);
        if (b != null) {
            network.unregister(b);
            b.detach();
        }
        return b;
    }

    /** Behaviors by priority, ascending. */
    public final Map<Double, Behavior<?>> behaviors() {
        return Collections.unmodifiableMap(behaviors);
    }

    /** The first behavior of this object carrying {@code tag} (its name or a tag), or null. */
    public final Behavior<?> behavior(String tag) {
        for (Behavior<?> b : behaviors.values()) {
            if (b.hasTag(tag)) {
                return b;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- state

    /** True if a state variable of this name exists. */
    public final boolean has(String name) {
        return state.containsKey(name);
    }

    /** Names of all state variables, in creation order. */
    public final List<String> variables() {
        return List.copyOf(state.keySet());
    }

    /** The raw value of a variable (INDArray, Double or object), or null. */
    public final Object get(String name) {
        return state.get(name);
    }

    /**
     * The tensor variable {@code name}.
     *
     * @throws ModelException naming the object, the variable and the variables that exist
     */
    public final INDArray array(String name) {
        Object v = state.get(name);
        if (v instanceof INDArray) {
            return (INDArray) v;
        }
        if (v == null) {
            throw new ModelException("'" + tag() + "' has no variable '" + name + "' (it has " + state.keySet()
                    + "); is the behavior that creates it missing or ordered after its reader?");
        }
        throw new ModelException("'" + tag() + "'.'" + name + "' is not a tensor but a " + v.getClass().getSimpleName());
    }

    /** The scalar variable {@code name}. */
    public final double scalar(String name) {
        Object v = state.get(name);
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof INDArray && ((INDArray) v).length() == 1) {
            return ((INDArray) v).getDouble(0);
        }
        if (v == null) {
            throw new ModelException("'" + tag() + "' has no scalar '" + name + "' (it has " + state.keySet() + ")");
        }
        throw new ModelException("'" + tag() + "'.'" + name + "' is not a scalar but a " + v.getClass().getSimpleName());
    }

    /** The scalar variable {@code name}, or {@code fallback} if absent. */
    public final double scalar(String name, double fallback) {
        return has(name) ? scalar(name) : fallback;
    }

    /** An object-valued variable of the given type. */
    public final <T> T attr(String name, Class<T> type) {
        Object v = state.get(name);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v == null) {
            throw new ModelException("'" + tag() + "' has no '" + name + "' (expected a " + type.getSimpleName()
                    + "); is the behavior that creates it missing?");
        }
        throw new ModelException("'" + tag() + "'.'" + name + "' is a " + v.getClass().getSimpleName() + ", expected a "
                + type.getSimpleName());
    }

    /**
     * Sets a variable. An INDArray written over an existing INDArray of the same shape and data
     * type is copied into it (views stay valid); otherwise the value replaces the old one.
     */
    public final void put(String name, Object value) {
        Object old = state.get(name);
        if (value instanceof INDArray && old instanceof INDArray && old != value) {
            INDArray o = (INDArray) old;
            INDArray n = (INDArray) value;
            if (o.dataType() == n.dataType() && java.util.Arrays.equals(o.shape(), n.shape())) {
                o.assign(n);
                written(name);
                return;
            }
        }
        state.put(name, value);
        views.remove(name);
        written(name);
    }

    /** Removes a variable; returns its value or null. */
    public final Object remove(String name) {
        views.remove(name);
        Object old = state.remove(name);
        written(name);
        return old;
    }

    /** Called after {@link #put} or {@link #remove} changed variable {@code name}; no-op by default. */
    void written(String name) {
    }

    /**
     * A cached zero-copy kernel view of the floating tensor variable {@code name}. One map lookup
     * when cached: {@link #put} and {@link #remove}, the only writers of the variables, drop the
     * cached view whenever they replace or remove an array.
     */
    public final Vec vec(String name) {
        Vec v = views.get(name);
        if (v == null) {
            v = Vec.of(array(name));
            views.put(name, v);
        }
        return v;
    }

    public final boolean isRecording() {
        return recording;
    }

    public final void setRecording(boolean recording) {
        this.recording = recording;
    }

    @Override
    public String toString() {
        return kind() + " '" + tag() + "'";
    }
}
