package org.conex.runtime.hotswap;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.NeuronGroup;

/**
 * The link between one neuron group and the neuron model it runs: the group asks for a model by
 * registered name ({@link #wanted()}), the {@link HotSwap} resolves that name through the
 * behavior registry and attaches an instance at a fixed priority on the group. When providers
 * come and go the binding moves between {@link BindingState states}; the group's state variables
 * stay on the group throughout, so they survive a missing or replaced provider.
 *
 * <p>The binding remembers the variables its model created (its <em>footprint</em>) so that a
 * swap knows which ones to carry over, initialise or drop. It holds a plugin object only while
 * the model is attached; pausing clears every such reference so the plugin's class loader can be
 * collected after its bundle is uninstalled.
 *
 * <p>All mutation happens in {@link HotSwap} under the simulation's step lock.
 */
public final class ModelBinding {
    private final NeuronGroup group;
    private final double priority;
    private ModelSpec wanted;
    private final ModelSpec fallback;
    private BindingState state = BindingState.WAITING;
    private ModelSpec current;
    private BehaviorType type;
    private Behavior<?> behavior;
    private String source = "";
    private Set<String> footprint;
    private String message = "";

    ModelBinding(NeuronGroup group, double priority, ModelSpec wanted, ModelSpec fallback) {
        this.group = group;
        this.priority = priority;
        this.wanted = wanted;
        this.fallback = fallback;
    }

    /** The neuron group. */
    public NeuronGroup group() {
        return group;
    }

    /** The priority the model runs at on the group (a swap keeps it). */
    public double priority() {
        return priority;
    }

    /** The model the group asks for. */
    public ModelSpec wanted() {
        return wanted;
    }

    /** The model to run when the wanted one has no provider, or null if none was declared. */
    public ModelSpec fallback() {
        return fallback;
    }

    public BindingState state() {
        return state;
    }

    /** The model attached now (wanted or fallback), or null when waiting or paused. */
    public ModelSpec current() {
        return current;
    }

    /** The attached behavior instance, or null when waiting or paused. */
    public Behavior<?> behavior() {
        return behavior;
    }

    /** Who provides the attached model (bundle and version), empty when none is attached. */
    public String source() {
        return source;
    }

    /** Variables created by the model last attached (empty if not known yet). */
    public Set<String> footprint() {
        return footprint == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(footprint));
    }

    /** The latest user-facing message about this binding (why it waits or pauses). */
    public String message() {
        return message;
    }

    /** One status line: group, state, model, provider, message. */
    public String describe() {
        String m = current != null ? current.name() : wanted.name();
        StringBuilder sb = new StringBuilder(String.format("%-16s %-8s %-14s", group.tag(), state, m));
        if (!source.isEmpty()) {
            sb.append(" from ").append(source);
        }
        if (state == BindingState.FALLBACK) {
            sb.append(" (fallback for ").append(wanted.name()).append(')');
        }
        if (!state.running() && !message.isEmpty()) {
            sb.append(" - ").append(message);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    // ------------------------------------------------------------ mutation (HotSwap, under the step lock)

    BehaviorType type() {
        return type;
    }

    Set<String> knownFootprint() {
        return footprint;
    }

    void wanted(ModelSpec spec) {
        this.wanted = spec;
    }

    void attached(BindingState s, ModelSpec spec, BehaviorType t, Behavior<?> b, String src, Set<String> fp) {
        this.state = s;
        this.current = spec;
        this.type = t;
        this.behavior = b;
        this.source = src;
        this.footprint = fp == null ? null : new LinkedHashSet<>(fp);
        this.message = "";
    }

    void detached(BindingState s, String why) {
        this.state = s;
        this.current = null;
        this.type = null;
        this.behavior = null;
        this.source = "";
        this.message = why;
    }
}
