package org.conex.runtime.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.JsonValues;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds the network of a conformance case (golden/README.md format) through the public API and
 * the behavior registry, and applies its {@code initial} values after initialization. Case
 * networks run with {@link Network#referenceQuirks() reference quirks} on, since every case is a
 * recording of the reference.
 */
public final class CaseNetwork {
    private CaseNetwork() {
    }

    /** Behavior type names used by the case that the registry does not offer (in file order). */
    public static Set<String> missingBehaviors(JsonNode c, BehaviorRegistry registry) {
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode b : allBehaviors(c)) {
            String type = b.path("type").asText();
            if (registry.find(type).isEmpty()) {
                missing.add(type);
            }
        }
        return missing;
    }

    private static List<JsonNode> allBehaviors(JsonNode c) {
        List<JsonNode> out = new ArrayList<>();
        c.path("network_behaviors").forEach(out::add);
        for (String k : new String[] {"neuron_groups", "synapse_groups"}) {
            for (JsonNode g : c.path(k)) {
                g.path("behaviors").forEach(out::add);
            }
        }
        return out;
    }

    /** Builds the network (not yet initialised). */
    public static Network build(JsonNode c, BehaviorRegistry registry, long seed) {
        DType dtype = DType.parse(c.path("dtype").asText("float32"));
        Network net = new Network("network", dtype, SynapseMode.SxD, seed);
        // the corpus records the Python reference, so behaviors reproduce its documented quirks
        net.setReferenceQuirks(true);
        addBehaviors(net, c.path("network_behaviors"), registry, "network_behaviors");
        int gi = 0;
        for (JsonNode g : c.path("neuron_groups")) {
            String where = "neuron_groups[" + gi++ + "]";
            String tag = g.path("tag").asText(null);
            NeuronGroup ng;
            if (g.hasNonNull("shape")) {
                JsonNode s = g.get("shape");
                ng = net.addNeuronGroup(tag, new NeuronShape(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt()));
                if (g.hasNonNull("size") && g.get("size").asInt() != ng.size()) {
                    throw new ConexException(where + " '" + tag + "': size " + g.get("size").asInt()
                            + " does not match shape " + ng.shape());
                }
            } else {
                ng = net.addNeuronGroup(tag, g.path("size").asInt());
            }
            for (JsonNode t : g.path("extra_tags")) {
                ng.addTag(t.asText());
            }
            addBehaviors(ng, g.path("behaviors"), registry, where);
        }
        int si = 0;
        for (JsonNode s : c.path("synapse_groups")) {
            String where = "synapse_groups[" + si++ + "]";
            List<String> tags = new ArrayList<>();
            s.path("tags").forEach(t -> tags.add(t.asText()));
            SynapseGroup sg = net.addSynapseGroup(s.path("tag").asText(null), net.neuronGroup(s.path("src").asText()),
                    net.neuronGroup(s.path("dst").asText()), tags.toArray(new String[0]));
            addBehaviors(sg, s.path("behaviors"), registry, where);
        }
        return net;
    }

    private static void addBehaviors(NetworkObject o, JsonNode list, BehaviorRegistry registry, String where) {
        int i = 0;
        for (JsonNode b : list) {
            String type = b.path("type").asText();
            Map<String, Object> params = JsonValues.toMap(b.path("params"));
            try {
                var beh = registry.create(type, params);
                double prio = b.hasNonNull("priority") ? b.get("priority").asDouble() : beh.type().defaultPriority();
                o.addBehavior(prio, beh);
            } catch (ConexException e) {
                throw new ConexException(where + " '" + o.tag() + "', behaviors[" + i + "] " + type + ": "
                        + e.getMessage(), e);
            }
            i++;
        }
    }

    /** Applies the case's {@code network_initial} and each group's / synapse's {@code initial}. */
    public static void applyInitial(JsonNode c, Network net) {
        apply(net, c.path("network_initial"));
        for (JsonNode g : c.path("neuron_groups")) {
            apply(net.neuronGroup(g.path("tag").asText()), g.path("initial"));
        }
        for (JsonNode s : c.path("synapse_groups")) {
            apply(net.synapseGroup(s.path("tag").asText()), s.path("initial"));
        }
    }

    private static void apply(NetworkObject o, JsonNode initial) {
        Iterator<Map.Entry<String, JsonNode>> it = initial.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            setValue(o, e.getKey(), e.getValue());
        }
    }

    /**
     * Writes a value onto an object: names ending in {@code _delay} become LONG, spike names BOOL,
     * everything else the network's float type. A number over an existing array fills it; an
     * array over existing sparse weights sets the stored entries from the dense view.
     */
    public static void setValue(NetworkObject o, String name, JsonNode value) {
        DType dtype = o.network().dtype();
        Object old = o.get(name);
        if (!value.isArray()) {
            double d = value.asDouble();
            if (old instanceof INDArray) {
                ((INDArray) old).assign(d);
            } else {
                o.put(name, d);
            }
            return;
        }
        double[] data = JsonValues.flatten(value);
        long[] shape = JsonValues.shape(value);
        if (old instanceof SparseWeights) {
            SparseWeights w = (SparseWeights) old;
            if (data.length != (long) w.rows() * w.cols()) {
                throw new ConexException("initial '" + name + "' of '" + o.tag() + "' has " + data.length
                        + " values, the sparse matrix is " + w.rows() + "x" + w.cols());
            }
            Vec v = Vec.of(w.values());
            for (int k = 0; k < w.nnz(); k++) {
                v.set(k, data[w.row(k) * w.cols() + w.col(k)]);
            }
            return;
        }
        if (old instanceof INDArray && ((INDArray) old).length() == data.length) {
            shape = ((INDArray) old).shape();
        }
        INDArray arr;
        if (name.endsWith("_delay")) {
            long[] l = new long[data.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = (long) data[i];
            }
            arr = Tensors.longs(l, shape);
        } else if (name.equals("spikes") || name.equals("pre_spike") || name.equals("post_spike")) {
            boolean[] b = new boolean[data.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = data[i] != 0;
            }
            arr = Tensors.bools(b, shape);
        } else {
            arr = Tensors.of(dtype, data, shape);
        }
        if (old instanceof INDArray && ((INDArray) old).dataType() != arr.dataType()
                && ((INDArray) old).length() == arr.length()) {
            DataType t = ((INDArray) old).dataType();
            arr = arr.castTo(t);
        }
        o.put(name, arr);
    }
}
