package org.conex.structures.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronShape;
import org.conex.api.structure.BehaviorSpec;
import org.conex.structures.BehaviorSpecs;
import org.conex.structures.TypeNames;
import org.conex.structures.io.StructureDocument.GroupNode;
import org.conex.structures.io.StructureDocument.NetworkSpec;
import org.conex.structures.io.StructureDocument.Node;
import org.conex.structures.io.StructureDocument.PortSpec;
import org.conex.structures.io.StructureDocument.StructureNode;
import org.conex.structures.io.StructureDocument.SynapseNode;

/**
 * Turns the plain-value form of a document (maps, lists, numbers, texts, booleans, as a JSON
 * parser produces them) into {@link StructureDocument} records. Strict: unknown fields, wrong
 * value kinds, class-like type names, nesting deeper than {@link #MAX_DEPTH} and more than
 * {@link #MAX_OBJECTS} objects are errors whose message starts with the location, e.g.
 * {@code members[2] CorticalLayer 'L4' > members[0] NeuronGroup 'L4.exc': 'size' ...}. A member
 * with a mistake is reported and skipped, and reading goes on with the next one, so one
 * {@link DocumentException} lists the first mistake of every member; passing a limit (depth,
 * object count) stops reading at once. Whether types are installed and parameters valid is checked
 * by {@link StructureBuilder}.
 */
public final class DocumentReader {
    /** Deepest allowed nesting of structures. */
    public static final int MAX_DEPTH = 64;
    /** Most objects (groups, synapses, structures) one document may describe. */
    public static final int MAX_OBJECTS = 1_000_000;

    private static final Set<String> ROOT = Set.of("format", "version", "network", "members");
    private static final Set<String> NETWORK = Set.of("tag", "dtype", "synapse_mode", "seed", "behaviors");
    private static final Set<String> GROUP = Set.of("type", "tag", "tags", "size", "shape", "behaviors");
    private static final Set<String> SYNAPSE = Set.of("type", "tag", "tags", "src", "dst", "behaviors");
    private static final Set<String> STRUCTURE = Set.of("type", "tag", "tags", "params", "behaviors", "members",
            "refs", "input_ports", "output_ports");
    private static final Set<String> PORT = Set.of("object", "label", "behaviors");

    private int objects;
    /** Mistakes of the members read so far, each with its location. */
    private final List<String> problems = new ArrayList<>();

    /** A limit of the reader was passed: reading stops at once, whatever member it is in. */
    private static final class LimitExceeded extends DocumentException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    private DocumentReader() {
    }

    /**
     * Reads a whole document.
     *
     * @throws DocumentException naming the location and the problem, for every member with one
     */
    public static StructureDocument read(Object root) {
        DocumentReader r = new DocumentReader();
        StructureDocument doc;
        try {
            doc = r.document(root);
        } catch (LimitExceeded e) { // reading stopped: with the members' mistakes found before it
            if (r.problems.isEmpty()) {
                throw e;
            }
            r.problems.add(e.getMessage());
            throw new DocumentException(r.problems);
        } catch (DocumentException e) {
            throw e;
        } catch (ConexException e) {
            throw new DocumentException(e.getMessage(), e);
        }
        if (!r.problems.isEmpty()) {
            throw new DocumentException(r.problems);
        }
        return doc;
    }

    private StructureDocument document(Object root) {
        Map<String, Object> m = map(root, "document");
        fields(m, ROOT, "document");
        Object format = m.get("format");
        if (!StructureDocument.FORMAT.equals(format)) {
            throw new DocumentException("document: 'format' must be \"" + StructureDocument.FORMAT + "\", found "
                    + ParameterException.describe(format));
        }
        Object version = m.get("version");
        if (!(version instanceof Number) || ((Number) version).doubleValue() != StructureDocument.VERSION) {
            throw new DocumentException("document: 'version' must be " + StructureDocument.VERSION + " (the version"
                    + " this program reads), found " + ParameterException.describe(version));
        }
        NetworkSpec net = m.get("network") == null ? null : network(map(m.get("network"), "network"));
        return new StructureDocument(net, nodes(m.get("members"), "", 0));
    }

    private NetworkSpec network(Map<String, Object> m) {
        String w = "network";
        fields(m, NETWORK, w);
        String tag = text(m, "tag", w, false);
        String dtype = text(m, "dtype", w, false);
        String mode = text(m, "synapse_mode", w, false);
        Object seed = m.get("seed");
        if (seed != null && !(seed instanceof Long || seed instanceof Integer)) {
            throw new DocumentException(w + ": 'seed' must be an integer, found " + ParameterException.describe(seed));
        }
        return new NetworkSpec(tag == null ? "Neocortex" : tag, dtype == null ? "float32" : dtype,
                mode == null ? "SxD" : mode, seed == null ? 0L : ((Number) seed).longValue(),
                behaviors(m.get("behaviors"), w));
    }

    private List<Node> nodes(Object raw, String prefix, int depth) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List)) {
            throw new DocumentException(prefix + "members: expected a list, found " + ParameterException.describe(raw));
        }
        if (depth > MAX_DEPTH) {
            throw new LimitExceeded(prefix + "members: structures are nested more than " + MAX_DEPTH
                    + " levels deep");
        }
        List<Node> out = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) raw) {
            try {
                out.add(node(o, prefix + "members[" + i++ + "]", depth));
            } catch (LimitExceeded e) {
                throw e;
            } catch (DocumentException e) {
                problems.addAll(e.problems()); // reported; the member is left out and reading goes on
            } catch (ConexException e) {
                problems.add(e.getMessage());
            }
            if (problems.size() >= DocumentException.MAX_PROBLEMS) {
                throw new LimitExceeded(DocumentException.stopped(problems.size()));
            }
        }
        return out;
    }

    private Node node(Object raw, String where, int depth) {
        if (++objects > MAX_OBJECTS) {
            throw new LimitExceeded(where + ": the document describes more than " + MAX_OBJECTS + " objects");
        }
        Map<String, Object> m = map(raw, where);
        if (m.containsKey("class")) {
            throw new DocumentException(where + ": field 'class' is not allowed; documents name registered types with"
                    + " \"type\", never classes");
        }
        String type = TypeNames.check(m.get("type"), "structure", where);
        String tag = text(m, "tag", where, false);
        String w = where + " " + type + (tag == null ? "" : " '" + tag + "'");
        List<String> tags = texts(m.get("tags"), w + ": 'tags'");
        switch (type) {
            case "NeuronGroup":
                fields(m, GROUP, w);
                return group(m, tag, tags, w);
            case "SynapseGroup":
                fields(m, SYNAPSE, w);
                return new SynapseNode(tag, tags, text(m, "src", w, true), text(m, "dst", w, true),
                        behaviors(m.get("behaviors"), w));
            default:
                fields(m, STRUCTURE, w);
                return new StructureNode(type, tag, tags, params(m.get("params"), w), behaviors(m.get("behaviors"), w),
                        nodes(m.get("members"), w + " > ", depth + 1), refs(m.get("refs"), w),
                        ports(m.get("input_ports"), w + ": input_ports"), ports(m.get("output_ports"), w
                                + ": output_ports"));
        }
    }

    private GroupNode group(Map<String, Object> m, String tag, List<String> tags, String w) {
        Object size = m.get("size");
        Object shape = m.get("shape");
        NeuronShape sh = null;
        if (shape != null) {
            if (!(shape instanceof List) || ((List<?>) shape).size() != 3) {
                throw new DocumentException(w + ": 'shape' must be [depth, height, width], found "
                        + ParameterException.describe(shape));
            }
            int[] d = new int[3];
            for (int k = 0; k < 3; k++) {
                d[k] = positive(((List<?>) shape).get(k), w + ": 'shape'");
            }
            try {
                sh = new NeuronShape(d[0], d[1], d[2]);
            } catch (IllegalArgumentException e) {
                throw new DocumentException(w + ": 'shape': " + e.getMessage());
            }
        }
        if (size == null && sh == null) {
            throw new DocumentException(w + ": needs 'size' (number of neurons) or 'shape' ([depth, height, width])");
        }
        int n = size == null ? sh.size() : positive(size, w + ": 'size'");
        if (sh != null && sh.size() != n) {
            throw new DocumentException(w + ": 'size' " + n + " does not match 'shape' " + sh + " (" + sh.size()
                    + " neurons)");
        }
        return new GroupNode(tag, tags, n, sh, behaviors(m.get("behaviors"), w));
    }

    private static int positive(Object v, String w) {
        if (!(v instanceof Long || v instanceof Integer) || ((Number) v).longValue() < 1
                || ((Number) v).longValue() > Integer.MAX_VALUE) {
            throw new DocumentException(w + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", found "
                    + ParameterException.describe(v));
        }
        return ((Number) v).intValue();
    }

    private static List<BehaviorSpec> behaviors(Object raw, String where) {
        try {
            return BehaviorSpecs.fromValue(raw, where + ": behaviors");
        } catch (DocumentException e) {
            throw e;
        } catch (ConexException e) {
            throw new DocumentException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> params(Object raw, String w) {
        if (raw == null) {
            return Map.of();
        }
        return map(raw, w + ": params");
    }

    private static Map<String, String> refs(Object raw, String w) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(raw, w + ": refs").entrySet()) {
            if (!(e.getValue() instanceof String) || ((String) e.getValue()).isBlank()) {
                throw new DocumentException(w + ": refs: '" + e.getKey() + "' must be the tag of an object, found "
                        + ParameterException.describe(e.getValue()));
            }
            out.put(e.getKey(), (String) e.getValue());
        }
        return out;
    }

    private static Map<String, List<PortSpec>> ports(Object raw, String w) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, List<PortSpec>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(raw, w).entrySet()) {
            String pw = w + " '" + e.getKey() + "'";
            if (!(e.getValue() instanceof List)) {
                throw new DocumentException(pw + ": expected a list of {\"object\": tag, \"label\": ...}, found "
                        + ParameterException.describe(e.getValue()));
            }
            List<PortSpec> entries = new ArrayList<>();
            int i = 0;
            for (Object o : (List<?>) e.getValue()) {
                String ew = pw + " [" + i++ + "]";
                Map<String, Object> pm = map(o, ew);
                fields(pm, PORT, ew);
                entries.add(new PortSpec(text(pm, "object", ew, true), text(pm, "label", ew, false),
                        behaviors(pm.get("behaviors"), ew)));
            }
            out.put(e.getKey(), entries);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw, String where) {
        if (!(raw instanceof Map)) {
            throw new DocumentException(where + ": expected an object, found " + ParameterException.describe(raw));
        }
        return (Map<String, Object>) raw;
    }

    private static void fields(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new DocumentException(where + ": unknown field '" + k + "' (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static String text(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new DocumentException(where + ": '" + key + "' must be a non-empty text, found "
                    + ParameterException.describe(v));
        }
        return (String) v;
    }

    private static List<String> texts(Object raw, String where) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List)) {
            throw new DocumentException(where + " must be a list of texts, found " + ParameterException.describe(raw));
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) raw) {
            if (!(o instanceof String) || ((String) o).isBlank()) {
                throw new DocumentException(where + " must be a list of texts, found an element "
                        + ParameterException.describe(o));
            }
            out.add((String) o);
        }
        return out;
    }
}
