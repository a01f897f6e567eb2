package org.conex.structures.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.structure.BehaviorSpec;
import org.conex.structures.io.StructureDocument.GroupNode;
import org.conex.structures.io.StructureDocument.NetworkSpec;
import org.conex.structures.io.StructureDocument.Node;
import org.conex.structures.io.StructureDocument.PortSpec;
import org.conex.structures.io.StructureDocument.StructureNode;
import org.conex.structures.io.StructureDocument.SynapseNode;

/**
 * Turns a {@link StructureDocument} into its plain-value form (ordered maps and lists), the
 * inverse of {@link DocumentReader}. Empty lists and maps and null tags are left out; parameter
 * values are {@linkplain PlainValues normalised}, so writing, reading and writing again gives the
 * same value.
 */
public final class DocumentWriter {
    private DocumentWriter() {
    }

    /** The whole document. */
    public static Map<String, Object> write(StructureDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", StructureDocument.FORMAT);
        m.put("version", (long) StructureDocument.VERSION);
        if (doc.network() != null) {
            m.put("network", network(doc.network()));
        }
        m.put("members", nodes(doc.members()));
        return m;
    }

    private static Map<String, Object> network(NetworkSpec n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", n.tag());
        m.put("dtype", n.dtype());
        m.put("synapse_mode", n.synapseMode());
        m.put("seed", n.seed());
        putList(m, "behaviors", behaviors(n.behaviors(), "network"));
        return m;
    }

    private static List<Object> nodes(List<Node> nodes) {
        List<Object> out = new ArrayList<>();
        for (Node n : nodes) {
            out.add(node(n));
        }
        return out;
    }

    private static Map<String, Object> node(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", n.type());
        if (n.tag() != null) {
            m.put("tag", n.tag());
        }
        String where = n.type() + " '" + n.tag() + "'";
        if (n instanceof GroupNode) {
            GroupNode g = (GroupNode) n;
            putList(m, "tags", new ArrayList<>(g.tags()));
            m.put("size", (long) g.size());
            if (g.shape() != null) {
                m.put("shape", List.of((long) g.shape().depth(), (long) g.shape().height(), (long) g.shape().width()));
            }
            putList(m, "behaviors", behaviors(g.behaviors(), where));
        } else if (n instanceof SynapseNode) {
            SynapseNode s = (SynapseNode) n;
            putList(m, "tags", new ArrayList<>(s.tags()));
            m.put("src", s.src());
            m.put("dst", s.dst());
            putList(m, "behaviors", behaviors(s.behaviors(), where));
        } else {
            StructureNode s = (StructureNode) n;
            putList(m, "tags", new ArrayList<>(s.tags()));
            Map<String, Object> params = new LinkedHashMap<>();
            s.params().forEach((k, v) -> {
                if (v != null) {
                    params.put(k, PlainValues.normalize(v, where + " parameter '" + k + "'"));
                }
            });
            putMap(m, "params", params);
            putList(m, "behaviors", behaviors(s.behaviors(), where));
            putList(m, "members", nodes(s.members()));
            putMap(m, "refs", new LinkedHashMap<>(s.refs()));
            putMap(m, "input_ports", ports(s.inputPorts(), where));
            putMap(m, "output_ports", ports(s.outputPorts(), where));
        }
        return m;
    }

    private static Map<String, Object> ports(Map<String, List<PortSpec>> ports, String where) {
        Map<String, Object> m = new LinkedHashMap<>();
        ports.forEach((label, entries) -> {
            List<Object> l = new ArrayList<>();
            for (PortSpec p : entries) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("object", p.object());
                if (p.label() != null) {
                    e.put("label", p.label());
                }
                putList(e, "behaviors", behaviors(p.behaviors(), where + " port '" + label + "'"));
                l.add(e);
            }
            m.put(label, l);
        });
        return m;
    }

    /** Behavior specs in plain-value form (priority always written when known, enabled only when false). */
    static List<Object> behaviors(List<BehaviorSpec> specs, String where) {
        List<Object> out = new ArrayList<>();
        for (BehaviorSpec b : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", b.type());
            if (b.priority() != null) {
                double pr = b.priority();
                m.put("priority", pr == Math.rint(pr) && Math.abs(pr) < 1e15 ? (Object) (long) pr : (Object) pr);
            }
            Map<String, Object> p = new LinkedHashMap<>();
            b.params().forEach((k, v) -> {
                if (v != null) {
                    p.put(k, PlainValues.normalize(v, b.type() + " of " + where + " parameter '" + k + "'"));
                }
            });
            putMap(m, "params", p);
            if (!b.enabled()) {
                m.put("enabled", false);
            }
            out.add(m);
        }
        return out;
    }

    private static void putList(Map<String, Object> m, String k, List<Object> v) {
        if (!v.isEmpty()) {
            m.put(k, v);
        }
    }

    private static void putMap(Map<String, Object> m, String k, Map<String, Object> v) {
        if (!v.isEmpty()) {
            m.put(k, v);
        }
    }
}
