package org.conex.api.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorType;

/**
 * A behavior described by its registered type name, an optional priority and its parameters:
 * the recipe, not an instance. Ports, cortical-layer connections and synapses hold specs, and
 * every synapse group they create gets its own instance from {@link #create(BehaviorLookup)}
 * (behaviors keep per-owner state, so an instance is never shared or copied).
 *
 * @param type     registered behavior name, e.g. {@code "SimpleSTDP"}
 * @param priority execution-order key; null means the type's default priority
 * @param params   parameters as plain values (numbers, texts, booleans, lists, maps); never null
 * @param enabled  false: every instance is created switched off ({@link Behavior#setEnabled}), so it
 *                 is initialised but skipped in every step until enabled (CoNeX's
 *                 {@code behavior_enabled=False}); true for the specs of the three-value constructor
 */
public record BehaviorSpec(String type, Double priority, Map<String, Object> params, boolean enabled) {

    public BehaviorSpec {
        Objects.requireNonNull(type, "type");
        if (priority != null && (priority.isNaN() || priority.isInfinite())) {
            throw new IllegalArgumentException("priority of " + type + " must be a finite number, found " + priority);
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An enabled spec (the form of api 1.0). */
    public BehaviorSpec(String type, Double priority, Map<String, Object> params) {
        this(type, priority, params, true);
    }

    /** A spec at the type's default priority. */
    public static BehaviorSpec of(String type, Map<String, ?> params) {
        return new BehaviorSpec(type, null, params == null ? null : new LinkedHashMap<>(params));
    }

    /** A spec without parameters at the type's default priority. */
    public static BehaviorSpec of(String type) {
        return new BehaviorSpec(type, null, null);
    }

    /** The same spec at an explicit priority. */
    public BehaviorSpec at(double p) {
        return new BehaviorSpec(type, p, params, enabled);
    }

    /** The same spec with its instances created enabled or switched off. */
    public BehaviorSpec withEnabled(boolean on) {
        return new BehaviorSpec(type, priority, params, on);
    }

    /**
     * The spec an existing behavior was created from: its type name, its priority, the parameters
     * as they were given (defaults are not repeated) and whether it is enabled now.
     *
     * @throws ConexException if the behavior was not created from a registered type
     */
    public static BehaviorSpec of(Behavior<?> b) {
        if (b.type() == null) {
            throw new ConexException("behavior " + b.name() + " was not created from a registered type, so it cannot be"
                    + " described by name");
        }
        Double p = Double.isNaN(b.priority()) ? null : b.priority();
        return new BehaviorSpec(b.name(), p, new LinkedHashMap<>(b.params().given()), b.isEnabled());
    }

    /** The explicit priority, or the registered type's default. */
    public double priority(BehaviorLookup lookup) {
        return priority != null ? priority : lookup.require(type).defaultPriority();
    }

    /**
     * A new, unattached instance with validated parameters (a fresh instance on every call),
     * switched off when this spec is not {@link #enabled}.
     */
    public Behavior<?> create(BehaviorLookup lookup) {
        BehaviorType t = lookup.require(type);
        Behavior<?> b = t.create(params);
        b.setEnabled(enabled);
        return b;
    }

    @Override
    public String toString() {
        return type + (priority == null ? "" : "@" + Behavior.formatPriority(priority)) + params
                + (enabled ? "" : " (disabled)");
    }
}
