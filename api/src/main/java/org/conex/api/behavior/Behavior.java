package org.conex.api.behavior;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.conex.api.ModelException;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.RandomStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Dynamics attached to one network object under a priority. {@link #initialize} runs once when the
 * network is initialised (in global priority order; types flagged
 * {@link BehaviorType#initializeLast() initialize-last} in a second pass); {@link #forward} runs
 * once per step in global priority order. Behaviors talk to each other only through the named
 * state variables of their owners.
 *
 * <p>A behavior whose class does not override {@code forward} is never scheduled. A behavior
 * instance belongs to exactly one owner.
 *
 * @param <O> the owner kind (Network, NeuronGroup, SynapseGroup, or NetworkObject for any)
 */
@ConsumerType
public abstract class Behavior<O extends NetworkObject> {
    /**
     * Per-class cache of {@link #hasForward()}. A {@link ClassValue} stores the answer on the class
     * itself, so it never keeps a plugin's class (and class loader) alive after its bundle is
     * uninstalled; a static map keyed by class would.
     */
    private static final ClassValue<Boolean> HAS_FORWARD = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return overridesForward(type);
        }
    };

    private final Params params;
    private final List<String> tags = new ArrayList<>();
    private boolean enabled = true;
    private NetworkObject owner;
    private double priority = Double.NaN;
    private BehaviorType type;

    /** @param params validated parameters (from {@link BehaviorType#create}) */
    protected Behavior(Params params) {
        this.params = params;
    }

    /** Called once, before the first step (or when added to an initialised network). */
    public void initialize(O owner) {
    }

    /** Called once per step. */
    public void forward(O owner) {
    }

    public final Params params() {
        return params;
    }

    /** The registered type name (CoNeX class name). */
    public final String name() {
        return params.component();
    }

    /** The type this instance was created from (null for instances built without a type). */
    public final BehaviorType type() {
        return type;
    }

    /** Set by the framework right after creation from a type. */
    public final void setType(BehaviorType t) {
        this.type = t;
        for (String tag : t.tags()) {
            addTag(tag);
        }
    }

    public final boolean isEnabled() {
        return enabled;
    }

    /** A disabled behavior keeps its state but its forward is skipped. */
    public final void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Tags of this instance: its name first, then type tags and user tags. */
    public final List<String> tags() {
        List<String> all = new ArrayList<>();
        all.add(name());
        for (String t : tags) {
            if (!all.contains(t)) {
                all.add(t);
            }
        }
        return Collections.unmodifiableList(all);
    }

    public final void addTag(String tag) {
        if (tag != null && !tag.isBlank() && !tags.contains(tag.strip())) {
            tags.add(tag.strip());
        }
    }

    public final boolean hasTag(String tag) {
        return name().equals(tag) || tags.contains(tag);
    }

    /** True if initialised in the second pass. */
    public boolean initializeLast() {
        return type != null && type.initializeLast();
    }

    /** The owner, once attached. */
    @SuppressWarnings("unchecked")
    public final O owner() {
        return (O) owner;
    }

    public final double priority() {
        return priority;
    }

    /**
     * Framework use: binds this instance to its owner. Throws if it is already attached elsewhere
     * or the owner kind does not fit.
     */
    public final void attach(NetworkObject o, double prio) {
        if (owner != null && owner != o) {
            throw new ModelException(name() + " is already attached to '" + owner.tag()
                    + "'; a behavior instance belongs to one object (create another instance)");
        }
        if (type != null && !type.target().accepts(o)) {
            throw new ModelException(name() + " can only be attached to " + type.target().description()
                    + ", not to '" + o.tag() + "' (" + o.kind() + ")");
        }
        this.owner = o;
        this.priority = prio;
    }

    /** Framework use: releases the owner after removal. */
    public final void detach() {
        this.owner = null;
    }

    /** True if the class overrides {@link #forward}; behaviors without a forward are not scheduled. */
    public final boolean hasForward() {
        return HAS_FORWARD.get(getClass());
    }

    private static boolean overridesForward(Class<?> c) {
        for (Class<?> k = c; k != null && k != Behavior.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals("forward") && m.getParameterCount() == 1 && !m.isSynthetic()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * This behavior's own random stream, derived from the network's master seed and a stable name
     * ({@code <owner tag>/<priority>/<behavior name>}).
     */
    protected final RandomStream random() {
        if (owner == null) {
            throw new IllegalStateException(name() + " is not attached");
        }
        return owner.network().random().stream(owner.tag() + "/" + formatPriority(priority) + "/" + name());
    }

    /** Priorities print as integers when integral. */
    public static String formatPriority(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    /**
     * A scalar-or-vector parameter as a new rank-1 array of {@code n} elements in {@code dtype}: a
     * number is broadcast, a tensor must have exactly {@code n} elements.
     *
     * @throws ModelException naming the behavior, owner and parameter on a length mismatch
     */
    protected final org.nd4j.linalg.api.ndarray.INDArray vectorParam(String param, int n,
                                                                     org.conex.api.tensor.DType dtype) {
        Object v = params.get(param);
        double[] data = new double[n];
        if (v instanceof Number) {
            java.util.Arrays.fill(data, ((Number) v).doubleValue());
        } else if (v instanceof TensorValue) {
            TensorValue t = (TensorValue) v;
            if (t.length() != n) {
                throw error("parameter '" + param + "' has " + t.length() + " values, expected one number or " + n
                        + " values (one per neuron)");
            }
            data = t.data();
        } else if (v == null) {
            throw error("parameter '" + param + "' is required but was not given");
        } else {
            throw error("parameter '" + param + "' must be a number or a list of numbers, found " + v);
        }
        return org.conex.api.tensor.Tensors.of(dtype, data, n);
    }

    /**
     * Records a warning on the owner's network ({@link org.conex.api.model.Network#warn}), its
     * message starting with this behavior and its owner like {@link #error}'s. Call it from
     * {@link #initialize} for a model that is legal but probably not what the user meant.
     */
    protected void warn(String message) {
        if (owner == null) {
            throw new IllegalStateException(name() + ": warn(...) needs an owner: " + message);
        }
        String where = name() + " on '" + owner.tag() + "'";
        owner.network().warn(where + ": " + message);
    }

    /** A ModelException whose message starts with this behavior and its owner. */
    protected final ModelException error(String message) {
        String where = owner == null ? name() : name() + " on '" + owner.tag() + "'";
        return new ModelException(where + ": " + message);
    }

    @Override
    public String toString() {
        return name() + params.given();
    }
}
