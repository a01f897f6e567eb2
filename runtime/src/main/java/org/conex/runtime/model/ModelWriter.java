package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a {@link ModelSpec} as the "resolved model": the same format as a model file, with every
 * default made explicit (dt, dtype, seed, synapse mode, run intervals, synapse tags), every
 * behavior's priority and installed version, and the automatically added TimeResolution. Reading
 * the resolved model back gives the same spec, which is how checkpoints carry their model.
 */
public final class ModelWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelWriter() {
    }

    /** The resolved model as a JSON tree. */
    public static ObjectNode toTree(ModelSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", spec.name());
        if (!spec.description().isEmpty()) {
            root.put("description", spec.description());
        }
        NetworkSpec ns = spec.network();
        ObjectNode net = root.putObject("network");
        net.put("tag", ns.tag());
        net.put("dt", ns.dt());
        net.put("dtype", ns.dtype().toString());
        net.put("seed", ns.seed());
        net.put("synapse_mode", ns.synapseMode().name());
        behaviors(net.putArray("behaviors"), ns.behaviors());
        ArrayNode groups = root.putArray("groups");
        for (GroupSpec g : spec.groups()) {
            ObjectNode o = groups.addObject();
            o.put("tag", g.tag());
            if (g.shape() != null) {
                o.putArray("shape").add(g.shape().depth()).add(g.shape().height()).add(g.shape().width());
            } else {
                o.put("size", g.size());
            }
            texts(o, "tags", g.tags());
            behaviors(o.putArray("behaviors"), g.behaviors());
        }
        if (!spec.structures().isEmpty()) {
            ArrayNode a = root.putArray("structures");
            spec.structures().forEach(e -> a.add(e.entry().deepCopy()));
        }
        ArrayNode syn = root.putArray("synapses");
        for (SynapseSpec s : spec.synapses()) {
            ObjectNode o = syn.addObject();
            o.put("tag", s.tag());
            o.put("src", s.src());
            o.put("dst", s.dst());
            texts(o, "tags", s.tags());
            behaviors(o.putArray("behaviors"), s.behaviors());
        }
        if (!spec.inputs().isEmpty()) {
            ArrayNode a = root.putArray("inputs");
            spec.inputs().forEach(e -> a.add(e.entry().deepCopy()));
        }
        ArrayNode rec = root.putArray("recorders");
        for (RecorderSpec r : spec.recorders()) {
            ObjectNode o = rec.addObject();
            o.put("target", r.target());
            texts(o, "variables", r.variables());
            texts(o, "events", r.events());
            o.put("every", r.every());
            if (r.neurons() != null) {
                ArrayNode n = o.putArray("neurons");
                for (int i : r.neurons()) {
                    n.add(i);
                }
            }
        }
        ObjectNode run = root.putObject("run");
        run.put("steps", spec.run().steps());
        run.put("checkpoint_every", spec.run().checkpointEvery());
        run.put("check_every", spec.run().checkEvery());
        run.put("flush_every", spec.run().flushEvery());
        return root;
    }

    /** The resolved model as indented JSON text. */
    public static String toJson(ModelSpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resolved model", e);
        }
    }

    /**
     * The part of the resolved model that decides the simulation's state (everything but the
     * {@code run} section, the name and the description): two models with equal cores give
     * identical networks, so a checkpoint of one can resume the other.
     */
    public static ObjectNode core(ModelSpec spec) {
        ObjectNode t = toTree(spec);
        t.remove("run");
        t.remove("name");
        t.remove("description");
        t.remove("recorders");
        return t;
    }

    private static void behaviors(ArrayNode into, List<BehaviorSpec> list) {
        for (BehaviorSpec b : list) {
            ObjectNode o = into.addObject();
            o.put("type", b.type());
            o.put("version", b.version());
            o.put("priority", b.priority());
            JsonNode params = MAPPER.valueToTree(b.params());
            o.set("params", params);
            texts(o, "tags", b.tags());
            if (!b.enabled()) {
                o.put("enabled", false);
            }
        }
    }

    private static void texts(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }
}
