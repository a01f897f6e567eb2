package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamSpec;

/**
 * Command-line changes to a model tree, applied before it is read (so the reader checks them like
 * everything else). {@link #set} understands:
 * <ul>
 *   <li>{@code network.KEY=VALUE} and {@code run.KEY=VALUE}: a key of that section
 *       ({@code network.seed=7}, {@code run.steps=5000});</li>
 *   <li>{@code TAG.KEY=VALUE} with KEY {@code size}, {@code shape} or {@code tags}: the group or
 *       synapse group of that tag;</li>
 *   <li>{@code TAG.PARAM=VALUE}: the parameter PARAM of the one behavior of that group or synapse group
 *       that declares it ({@code exc.tau=20});</li>
 *   <li>{@code TAG.BEHAVIOR.PARAM=VALUE}: when several behaviors declare PARAM
 *       ({@code exc.LIF.tau=20}).</li>
 * </ul>
 * VALUE is read as JSON when it parses ({@code 20}, {@code true}, {@code [1, 2]}) and as text
 * otherwise ({@code normal(0, 1)}).
 */
public final class Overrides {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode root;
    private final BehaviorLookup lookup;
    private final List<String> problems = new ArrayList<>();
    /** JSON path of every value an assignment wrote, to the assignment (for messages). */
    private final java.util.Map<String, String> written = new java.util.LinkedHashMap<>();

    /**
     * @param root   the model tree to change in place
     * @param lookup installed behaviors (to find which behavior declares a parameter)
     */
    public Overrides(ObjectNode root, BehaviorLookup lookup) {
        this.root = root;
        this.lookup = lookup;
    }

    /**
     * The JSON path of every value the assignments wrote ({@code groups[0].behaviors[1].params.tau}),
     * mapped to the command-line text that wrote it, so that a problem found there can say where it
     * came from.
     */
    public java.util.Map<String, String> written() {
        return java.util.Collections.unmodifiableMap(written);
    }

    /**
     * {@code problem} with " (from --set ...)" added when its path is, or lies inside, a value an
     * assignment wrote.
     */
    public ModelProblem attribute(ModelProblem problem) {
        for (java.util.Map.Entry<String, String> w : written.entrySet()) {
            String p = problem.path();
            if (p.equals(w.getKey()) || p.startsWith(w.getKey() + ".") || p.startsWith(w.getKey() + "[")) {
                return new ModelProblem(p, problem.message() + " (from " + w.getValue() + ")");
            }
        }
        return problem;
    }

    /** Problems of the assignments so far (unknown tag, ambiguous parameter, malformed text). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Sets {@code run.steps}. */
    public void steps(long steps) {
        section("run").put("steps", steps);
        written.put("run.steps", "--steps " + steps);
    }

    /** Sets {@code network.seed}. */
    public void seed(long seed) {
        section("network").put("seed", seed);
        written.put("network.seed", "--seed " + seed);
    }

    /** Sets {@code run.checkpoint_every}. */
    public void checkpointEvery(long n) {
        section("run").put("checkpoint_every", n);
        written.put("run.checkpoint_every", "--checkpoint-every " + n);
    }

    /** Applies one {@code PATH=VALUE} assignment. */
    public void set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            problems.add("--set " + assignment + ": expected KEY=VALUE such as exc.tau=20");
            return;
        }
        String key = assignment.substring(0, eq).strip();
        JsonNode value = value(assignment.substring(eq + 1).strip());
        String[] parts = key.split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            problems.add("--set " + assignment + ": expected network.KEY, run.KEY, TAG.PARAM or TAG.BEHAVIOR.PARAM");
            return;
        }
        if (parts.length == 2 && (parts[0].equals("network") || parts[0].equals("run"))) {
            section(parts[0]).set(parts[1], value);
            written.put(parts[0] + "." + parts[1], "--set " + assignment);
            return;
        }
        ObjectNode owner = owner(parts[0]);
        if (owner == null) {
            problems.add("--set " + assignment + ": no group or synapse group with tag '" + parts[0] + "'");
            return;
        }
        if (parts.length == 2 && List.of("size", "shape", "tags").contains(parts[1])) {
            owner.set(parts[1], value);
            written.put(pathOf(owner) + "." + parts[1], "--set " + assignment);
            return;
        }
        String behavior = parts.length == 3 ? parts[1] : null;
        String param = parts[parts.length - 1];
        List<ObjectNode> hits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode list = owner.get("behaviors");
        if (list != null && list.isArray()) {
            for (JsonNode b : list) {
                String type = b.path("type").asText("");
                if (b.isObject() && (behavior == null || behavior.equals(type)) && declares(type, param)) {
                    hits.add((ObjectNode) b);
                    names.add(type);
                }
            }
        }
        if (hits.isEmpty()) {
            problems.add("--set " + assignment + ": no behavior of '" + parts[0] + "'" + (behavior == null ? "" : " named "
                    + behavior) + " has a parameter '" + param + "'");
        } else if (hits.size() > 1) {
            problems.add("--set " + assignment + ": several behaviors of '" + parts[0] + "' have '" + param + "' (" + names
                    + "); write " + parts[0] + "." + names.get(0) + "." + param + "=...");
        } else {
            JsonNode p = hits.get(0).get("params");
            ObjectNode params = p instanceof ObjectNode ? (ObjectNode) p : hits.get(0).putObject("params");
            params.set(param, value);
            int b = 0;
            for (JsonNode n : owner.get("behaviors")) {
                if (n == hits.get(0)) {
                    break;
                }
                b++;
            }
            written.put(pathOf(owner) + ".behaviors[" + b + "].params." + param, "--set " + assignment);
        }
    }

    /** {@code groups[i]} or {@code synapses[i]} of an object {@link #owner} found. */
    private String pathOf(ObjectNode owner) {
        for (String section : new String[] {"groups", "synapses"}) {
            JsonNode list = root.get(section);
            if (list instanceof ArrayNode) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == owner) {
                        return section + "[" + i + "]";
                    }
                }
            }
        }
        return "?";
    }

    private boolean declares(String type, String param) {
        BehaviorType t = lookup.find(type).orElse(null);
        if (t == null) {
            return false;
        }
        for (ParamSpec s : t.params()) {
            if (s.name().equals(param)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode owner(String tag) {
        for (String section : new String[] {"groups", "synapses"}) {
            JsonNode list = root.get(section);
            if (list instanceof ArrayNode) {
                for (JsonNode g : list) {
                    if (g.isObject() && tag.equals(g.path("tag").asText(null))) {
                        return (ObjectNode) g;
                    }
                }
            }
        }
        return null;
    }

    private ObjectNode section(String name) {
        JsonNode n = root.get(name);
        if (n instanceof ObjectNode) {
            return (ObjectNode) n;
        }
        if (n != null && !n.isNull()) {
            return JsonNodeFactory.instance.objectNode(); // the reader reports the malformed section itself
        }
        return root.putObject(name);
    }

    private static JsonNode value(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null || n.isMissingNode() ? TextNode.valueOf(text) : n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
