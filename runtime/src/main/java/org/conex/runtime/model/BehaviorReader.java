package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.Target;
import org.conex.api.tensor.DType;
import org.conex.runtime.JsonValues;

/**
 * Resolves a {@code behaviors} list against the installed behavior types: each entry is
 * <code>{type: NAME, priority: P?, params: {...}?, tags: [...]?, enabled: false?}</code>. Reports unknown names
 * (with did-you-mean), class names written where a registered name belongs, a type attached to the
 * wrong kind of object, duplicate priorities on one object, and every parameter problem that
 * {@link BehaviorType#check} finds, each at its JSON path.
 */
final class BehaviorReader {
    static final Set<String> KEYS = Set.of("type", "priority", "params", "tags", "version", "enabled");
    /** CoNeX's generic behavior argument, accepted among the params as an alias of {@code enabled}. */
    static final String CONEX_ENABLED = "behavior_enabled";

    private final BehaviorLookup lookup;
    private final Fields f;
    private final DType dtype;

    /** @param dtype the network's floating type: numbers it cannot hold are problems */
    BehaviorReader(BehaviorLookup lookup, Fields fields, DType dtype) {
        this.lookup = lookup;
        this.f = fields;
        this.dtype = dtype;
    }

    /**
     * @param list   the {@code behaviors} node (may be null: no behaviors)
     * @param path   its JSON path
     * @param target the kind of the owning object (NETWORK, NEURON_GROUP or SYNAPSE_GROUP)
     */
    List<BehaviorSpec> read(JsonNode list, String path, Target target) {
        List<BehaviorSpec> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            f.problem(path, "expected a list of behaviors ({type: LIF, params: {...}}), found " + Json.describe(list));
            return out;
        }
        Map<Double, String> priorities = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = Fields.at(path, i);
            BehaviorSpec b = one(list.get(i), p, target);
            if (b == null) {
                continue;
            }
            String previous = priorities.putIfAbsent(b.priority(), b.type() + " at " + p);
            if (previous != null) {
                f.problem(Fields.at(p, "priority"), "expected a priority not used by another behavior of this object,"
                        + " found " + Behavior.formatPriority(b.priority()) + ", already taken by " + previous
                        + "; give one of them another 'priority'");
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private BehaviorSpec one(JsonNode n, String path, Target target) {
        if (n != null && n.isTextual()) {
            f.problem(path, "expected a behavior object such as {type: " + n.asText() + ", params: {...}}, found "
                    + Json.describe(n));
            return null;
        }
        if (!f.object(n, path, "a behavior object such as {type: LIF, params: {...}}")) {
            return null;
        }
        BehaviorType type = type(n, path);
        if (type != null) {
            checkUnknownKeys(n, path, type);
        } else {
            f.onlyKeys(n, path, KEYS, null);
        }
        Double prio = f.number(n, path, "priority");
        List<String> tags = f.tags(n, path, "tags");
        Boolean enabled = f.bool(n, path, "enabled");
        JsonNode params = n.get("params");
        Map<String, Object> raw = new java.util.LinkedHashMap<>();
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                f.problem(Fields.at(path, "params"), "expected an object of parameter values, found "
                        + Json.describe(params));
                params = null;
            } else {
                raw = JsonValues.toMap(params);
            }
        }
        if (raw.containsKey(CONEX_ENABLED)) {
            // CoNeX's generic keyword argument, accepted where its users write it
            Object v = raw.remove(CONEX_ENABLED);
            String p = Fields.at(Fields.at(path, "params"), CONEX_ENABLED);
            if (!(v instanceof Boolean)) {
                f.problem(p, "expected true or false, found " + Json.describe(params.get(CONEX_ENABLED)));
            } else if (enabled != null && !enabled.equals(v)) {
                f.problem(p, "expected the same value as 'enabled' (" + enabled + "), found " + v);
            } else {
                enabled = (Boolean) v;
            }
        }
        if (type == null) {
            return null;
        }
        String version = f.text(n, path, "version");
        if (version != null && !version.equals(type.version())) {
            f.problem(Fields.at(path, "version"), "expected version " + version + " of " + type.name()
                    + ", but the installed " + type.name() + " is version " + type.version()
                    + "; remove 'version' to use the installed one");
        }
        if (target != Target.ANY && type.target() != Target.ANY && type.target() != target) {
            f.problem(Fields.at(path, "type"), type.name() + " attaches to " + type.target().description()
                    + ", found it on " + target.description());
        }
        boolean ok = true;
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            ok &= fits(e.getValue(), Fields.at(Fields.at(path, "params"), e.getKey()));
        }
        for (ParameterException e : type.check(raw)) {
            f.problem(Fields.at(Fields.at(path, "params"), e.parameter()), e.getMessage());
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new BehaviorSpec(type.name(), type.version(), prio != null ? prio : type.defaultPriority(), raw, tags,
                enabled == null || enabled, path);
    }

    /**
     * Whether every finite number in {@code v} (a number or nested lists) stays finite in the
     * network's dtype; a problem at its path for the first one that does not (e.g. 1e39 in float32,
     * which would become infinity and fail only when the state turns non-finite).
     */
    private boolean fits(Object v, String path) {
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d) && !Double.isFinite(dtype.round(d))) {
                String max = dtype == DType.FLOAT32 ? String.valueOf(Float.MAX_VALUE) : String.valueOf(Double.MAX_VALUE);
                f.problem(path, "expected a number that " + dtype.name().toLowerCase(java.util.Locale.ROOT)
                        + " can hold (magnitude at most " + max + "), found " + d);
                return false;
            }
            return true;
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                if (!fits(l.get(i), Fields.at(path, i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The installed type named by {@code type}, or null with a problem. */
    private BehaviorType type(JsonNode n, String path) {
        JsonNode t = n.get("type");
        String p = Fields.at(path, "type");
        if (t == null || t.isNull()) {
            f.problem(p, "is required: expected a registered behavior name such as \"LIF\", found nothing");
            return null;
        }
        if (!t.isTextual()) {
            f.problem(p, "expected a registered behavior name such as \"LIF\", found " + Json.describe(t));
            return null;
        }
        String name = t.asText().strip();
        if (name.contains(".") || name.contains("$") || name.contains("/")) {
            String simple = name.substring(Math.max(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')),
                    name.lastIndexOf('/')) + 1);
            Optional<BehaviorType> s = lookup.find(simple);
            f.problem(p, "expected a registered behavior name, found the class name \"" + name + "\"; model files name"
                    + " behaviors by their registered name" + (s.isPresent() ? ", write \"" + simple + "\"" : "")
                    + " (see 'conex plugins')");
            return null;
        }
        Optional<BehaviorType> type = lookup.find(name);
        if (type.isEmpty()) {
            List<String> names = lookup.names();
            f.problem(p, "unknown behavior \"" + name + "\"" + Suggestions.hint(name, names)
                    + (names.size() <= 40 ? "; installed: " + names : "; 'conex plugins' lists the installed ones"));
            return null;
        }
        return type.get();
    }

    private void checkUnknownKeys(JsonNode n, String path, BehaviorType type) {
        Set<String> params = new java.util.HashSet<>();
        for (ParamSpec s : type.params()) {
            params.add(s.name());
        }
        n.fieldNames().forEachRemaining(k -> {
            if (KEYS.contains(k)) {
                return;
            }
            if (params.contains(k)) {
                f.problem(Fields.at(path, k), "unknown key '" + k + "'; '" + k + "' is a parameter of " + type.name()
                        + " and belongs under 'params' (params: {" + k + ": ...})");
            } else {
                f.problem(Fields.at(path, k), "unknown key '" + k + "'" + Suggestions.hint(k, KEYS) + "; expected one of "
                        + new java.util.TreeSet<>(KEYS));
            }
        });
    }
}
