package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code recorders} and {@code run} sections of a model (see {@link ModelReader}):
 * recorder targets must be known objects, variables names, neuron selections indices inside the
 * group; run settings non-negative integers.
 */
final class RecorderReader {
    static final List<String> RECORDER_KEYS = List.of("target", "variables", "events", "every", "neurons");
    static final List<String> RUN_KEYS = List.of("steps", "checkpoint_every", "check_every", "flush_every");

    private RecorderReader() {
    }

    static List<RecorderSpec> recorders(JsonNode root, Fields f, ModelContext ctx, String networkTag,
                                                List<SynapseSpec> synapses) {
        List<RecorderSpec> out = new ArrayList<>();
        JsonNode list = f.list(root, "$", "recorders");
        if (list == null) {
            return out;
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(networkTag, "network");
        targets.put("network", "network");
        ctx.groups().keySet().forEach(g -> targets.put(g, "group"));
        synapses.forEach(s -> targets.put(s.tag(), "synapse"));
        for (int i = 0; i < list.size(); i++) {
            String p = Fields.at("recorders", i);
            JsonNode r = list.get(i);
            if (!f.object(r, p, "a recorder object {target, variables, events, every, neurons}")) {
                continue;
            }
            f.onlyKeys(r, p, RECORDER_KEYS, null);
            String target = f.requiredText(r, p, "target", "\"exc\" (a group, synapse or network tag)");
            if (target != null && !targets.containsKey(target)) {
                f.problem(Fields.at(p, "target"), "expected the tag of a group, a synapse group or the network, found \""
                        + target + "\"" + Suggestions.hint(target, targets.keySet()) + "; known: " + targets.keySet());
                target = null;
            }
            List<String> vars = f.texts(r, p, "variables");
            List<String> events = f.texts(r, p, "events");
            if ((vars == null || vars.isEmpty()) && (events == null || events.isEmpty())) {
                f.problem(Fields.at(p, "variables"), "expected at least one variable to record (variables: [v]) or"
                        + " event variable (events: [spikes]), found none");
            }
            checkNames(vars, Fields.at(p, "variables"), f);
            checkNames(events, Fields.at(p, "events"), f);
            Long every = f.integer(r, p, "every", 1, Integer.MAX_VALUE);
            int[] neurons = null;
            JsonNode ns = r.get("neurons");
            if (ns != null && !ns.isNull()) {
                Integer size = target == null ? null : ctx.groups().get(target);
                if (target != null && size == null) {
                    f.problem(Fields.at(p, "neurons"), "expected no neuron selection on " + targets.get(target)
                            + " \"" + target + "\" (only neuron groups have neurons), found " + Json.describe(ns));
                } else if (size != null && size > 0) {
                    neurons = neurons(ns, Fields.at(p, "neurons"), size, f);
                }
            }
            if (target != null) {
                out.add(new RecorderSpec(target, vars == null ? List.of() : vars, events == null ? List.of() : events,
                        every == null ? 1 : every.intValue(), neurons, p));
            }
        }
        return out;
    }

    private static void checkNames(List<String> names, String path, Fields f) {
        if (names == null) {
            return;
        }
        for (int k = 0; k < names.size(); k++) {
            if (!names.get(k).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                f.problem(Fields.at(path, k), "expected a variable name such as \"v\" or \"spikes\", found \""
                        + names.get(k) + "\"");
            }
        }
    }

    private static int[] neurons(JsonNode ns, String path, int size, Fields f) {
        if (!ns.isArray() || ns.isEmpty()) {
            f.problem(path, "expected a non-empty list of neuron indices in [0, " + size + "), found " + Json.describe(ns));
            return null;
        }
        int[] out = new int[ns.size()];
        boolean ok = true;
        for (int k = 0; k < ns.size(); k++) {
            Long v = f.integer(ns.get(k), Fields.at(path, k), 0, size - 1L);
            if (v == null) {
                ok = false;
            } else {
                out[k] = v.intValue();
            }
        }
        return ok ? out : null;
    }

    static RunSpec run(JsonNode n, Fields f) {
        RunSpec d = RunSpec.DEFAULT;
        if (n == null || n.isNull()) {
            return d;
        }
        if (!f.object(n, "run", "an object with steps, checkpoint_every, check_every, flush_every")) {
            return d;
        }
        f.onlyKeys(n, "run", RUN_KEYS, null);
        Long steps = f.integer(n, "run", "steps", 0, Long.MAX_VALUE / 2);
        Long ck = f.integer(n, "run", "checkpoint_every", 0, Long.MAX_VALUE / 2);
        Long check = f.integer(n, "run", "check_every", 0, Long.MAX_VALUE / 2);
        Long flush = f.integer(n, "run", "flush_every", 1, Long.MAX_VALUE / 2);
        return new RunSpec(steps != null ? steps : d.steps(), ck != null ? ck : d.checkpointEvery(),
                check != null ? check : d.checkEvery(), flush != null ? flush : d.flushEvery());
    }
}
