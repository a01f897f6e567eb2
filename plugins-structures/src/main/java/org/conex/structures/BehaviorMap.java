package org.conex.structures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.NetworkObject;
import org.conex.api.structure.BehaviorSpec;

/**
 * An ordered priority → behavior-spec map (the reference's behavior dict) with the reference's
 * overlay rule: {@code a.overlay(b)} keeps a's entries in place, replaces those whose priority b
 * also has, and appends b's new priorities (Python {@code dict.update}). Used to merge port,
 * destination and connection behaviors; {@link #attachTo} creates fresh instances.
 */
public final class BehaviorMap {
    private final Map<Double, BehaviorSpec> map;

    private BehaviorMap(Map<Double, BehaviorSpec> map) {
        this.map = map;
    }

    /** The empty map. */
    public static BehaviorMap empty() {
        return new BehaviorMap(Collections.emptyMap());
    }

    /**
     * A map of {@code specs} keyed by their (explicit or default) priority.
     *
     * @throws ConexException naming {@code where} if two specs share a priority (the reference
     *                        silently keeps the later one)
     */
    public static BehaviorMap of(List<BehaviorSpec> specs, BehaviorLookup lookup, String where) {
        Map<Double, BehaviorSpec> m = new LinkedHashMap<>();
        for (BehaviorSpec s : specs) {
            double p = s.priority(lookup);
            BehaviorSpec old = m.put(p, s.at(p));
            if (old != null) {
                throw new ConexException(where + ": " + old.type() + " and " + s.type() + " both have priority "
                        + Behavior.formatPriority(p) + "; give one of them another priority");
            }
        }
        return new BehaviorMap(Collections.unmodifiableMap(m));
    }

    /** This map with {@code later}'s entries overlaid (later wins on equal priorities). */
    public BehaviorMap overlay(BehaviorMap later) {
        if (later.map.isEmpty()) {
            return this;
        }
        Map<Double, BehaviorSpec> m = new LinkedHashMap<>(map);
        m.putAll(later.map);
        return new BehaviorMap(Collections.unmodifiableMap(m));
    }

    /** The specs in map order, each with its priority explicit. */
    public List<BehaviorSpec> specs() {
        return List.copyOf(map.values());
    }

    /** Priorities in map order. */
    public List<Double> priorities() {
        return new ArrayList<>(map.keySet());
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /**
     * Creates a fresh instance of every spec, in map order, and attaches it to {@code owner}. A
     * parameter number the network's dtype cannot hold (1e39 in float32, which would become
     * infinity) is refused like a model file's.
     */
    public void attachTo(NetworkObject owner, BehaviorLookup lookup) {
        for (Map.Entry<Double, BehaviorSpec> e : map.entrySet()) {
            Behavior<?> b;
            try {
                Map<String, Object> params = e.getValue().params();
                if (params != null) {
                    for (Map.Entry<String, Object> p : params.entrySet()) {
                        checkRange(p.getKey(), p.getValue(), owner.network().dtype());
                    }
                }
                b = e.getValue().create(lookup);
            } catch (ConexException ex) {
                throw new ConexException("'" + owner.tag() + "', " + e.getValue().type() + ": " + ex.getMessage(), ex);
            }
            owner.addBehavior(e.getKey(), b);
        }
    }

    private static void checkRange(String name, Object v, org.conex.api.tensor.DType dtype) {
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d) && !Double.isFinite(dtype.round(d))) {
                throw new ConexException("parameter '" + name + "' = " + d + " is more than "
                        + dtype.name().toLowerCase(java.util.Locale.ROOT) + " can hold (magnitude at most "
                        + (dtype == org.conex.api.tensor.DType.FLOAT32 ? String.valueOf(Float.MAX_VALUE)
                        : String.valueOf(Double.MAX_VALUE)) + ")");
            }
        } else if (v instanceof List) {
            for (Object o : (List<?>) v) {
                checkRange(name, o, dtype);
            }
        }
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
