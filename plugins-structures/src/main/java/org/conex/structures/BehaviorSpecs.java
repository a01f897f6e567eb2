package org.conex.structures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParameterException;
import org.conex.api.structure.BehaviorSpec;

/**
 * Conversions between {@link BehaviorSpec}s and their plain-value form, the one documents and
 * structure parameters use: a list of objects {@code {"type": name, "priority": number (optional),
 * "params": {...} (optional), "enabled": false (optional)}}; CoNeX's {@code behavior_enabled} among
 * the params is accepted as {@code enabled}. Type names must be registered identifiers; anything that looks
 * like a class reference is rejected before any lookup.
 */
public final class BehaviorSpecs {
    private static final Set<String> KEYS = Set.of("type", "priority", "params", "enabled");
    /** CoNeX's generic behavior argument, accepted among the params as an alias of {@code enabled}. */
    private static final String CONEX_ENABLED = "behavior_enabled";

    private BehaviorSpecs() {
    }

    /**
     * Parses a behavior list.
     *
     * @param raw   a list of maps (null: empty)
     * @param where location for messages, e.g. {@code "Synapsis 's1' parameter 'synapsis_behavior'"}
     * @throws ConexException naming {@code where}, the entry and the problem
     */
    public static List<BehaviorSpec> fromValue(Object raw, String where) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List)) {
            throw new ConexException(where + ": expected a list of behaviors ({\"type\": ..., \"params\": {...}}),"
                    + " found " + ParameterException.describe(raw));
        }
        List<BehaviorSpec> out = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) raw) {
            out.add(one(o, where + ", behavior [" + i + "]"));
            i++;
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static BehaviorSpec one(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new ConexException(where + ": expected an object {\"type\": ..., \"params\": {...}}, found "
                    + ParameterException.describe(o));
        }
        Map<String, Object> m = (Map<String, Object>) o;
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConexException(where + ": unknown field '" + k + "' (a behavior has " + List.of("type",
                        "priority", "params", "enabled") + ")" + (k.equals("class") ? "; classes are never named, use"
                        + " \"type\" with a registered behavior name" : ""));
            }
        }
        String type = TypeNames.check(m.get("type"), "behavior", where);
        Object p = m.get("priority");
        Double prio = null;
        if (p != null) {
            if (!(p instanceof Number) || !Double.isFinite(((Number) p).doubleValue())) {
                throw new ConexException(where + " (" + type + "): 'priority' must be a finite number, found "
                        + ParameterException.describe(p));
            }
            prio = ((Number) p).doubleValue();
        }
        Object params = m.get("params");
        if (params != null && !(params instanceof Map)) {
            throw new ConexException(where + " (" + type + "): 'params' must be an object, found "
                    + ParameterException.describe(params));
        }
        Map<String, Object> values = params == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>((Map<String, Object>) params);
        return new BehaviorSpec(type, prio, values, enabled(m.get("enabled"), values, where + " (" + type + ")"));
    }

    /** The entry's enabled flag: its {@code enabled}, or {@code params.behavior_enabled} (removed). */
    private static boolean enabled(Object given, Map<String, Object> params, String where) {
        if (given != null && !(given instanceof Boolean)) {
            throw new ConexException(where + ": 'enabled' must be true or false, found "
                    + ParameterException.describe(given));
        }
        if (!params.containsKey(CONEX_ENABLED)) {
            return given == null || (Boolean) given;
        }
        Object alias = params.remove(CONEX_ENABLED);
        if (!(alias instanceof Boolean)) {
            throw new ConexException(where + ": params." + CONEX_ENABLED + " must be true or false, found "
                    + ParameterException.describe(alias));
        }
        if (given != null && !given.equals(alias)) {
            throw new ConexException(where + ": params." + CONEX_ENABLED + " (" + alias + ") disagrees with 'enabled' ("
                    + given + ")");
        }
        return (Boolean) alias;
    }

    /** The plain-value form of {@code specs} (priority written only when explicit). */
    public static List<Object> toValue(List<BehaviorSpec> specs) {
        List<Object> out = new ArrayList<>();
        for (BehaviorSpec s : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", s.type());
            if (s.priority() != null) {
                m.put("priority", s.priority());
            }
            if (!s.params().isEmpty()) {
                m.put("params", new LinkedHashMap<>(s.params()));
            }
            if (!s.enabled()) {
                m.put("enabled", false);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Checks that every spec names an installed behavior and that its parameters validate, so
     * that mistakes surface when a structure is built, not when a synapse is created later.
     *
     * @throws ConexException naming {@code where}, the behavior and the first problem
     */
    public static void check(List<BehaviorSpec> specs, BehaviorLookup lookup, String where) {
        for (BehaviorSpec s : specs) {
            List<String> p = problems(s, lookup, where);
            if (!p.isEmpty()) {
                throw new ConexException(p.get(0));
            }
        }
    }

    /**
     * Every problem of one spec, each a message starting with {@code where}: its type is not
     * installed, or each parameter that does not validate. Empty if the spec is fine.
     */
    public static List<String> problems(BehaviorSpec spec, BehaviorLookup lookup, String where) {
        BehaviorType t = lookup.find(spec.type()).orElse(null);
        if (t == null) {
            return List.of(where + ": unknown behavior '" + spec.type() + "'; installed: " + lookup.names());
        }
        List<String> out = new ArrayList<>();
        for (ParameterException e : t.check(spec.params())) {
            out.add(where + ": " + e.getMessage());
        }
        return out;
    }
}
