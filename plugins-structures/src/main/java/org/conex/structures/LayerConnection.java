package org.conex.structures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.structure.BehaviorSpec;

/**
 * One synapse group a {@link CorticalLayerConnection} creates: from the population in role
 * {@code src} of the source layer (e.g. {@code "exc_pop"}) to the population in role {@code dst}
 * of the destination layer, with its own instances of {@code behaviors}, tagged {@code tags}
 * (comma-separated, e.g. {@code "Proximal"} or {@code "Proximal,inh"}; may be null).
 *
 * <p>Plain-value form: {@code {"src": "exc_pop", "dst": "exc_pop", "tag": "Proximal",
 * "behaviors": [...]}}.
 *
 * @param src       role of the source population on the source layer
 * @param dst       role of the destination population on the destination layer
 * @param behaviors behaviors of the synapse group (fresh instances per group)
 * @param tags      extra synapse tags, or null
 */
public record LayerConnection(String src, String dst, List<BehaviorSpec> behaviors, String tags) {
    private static final Set<String> KEYS = Set.of("src", "dst", "tag", "behaviors");

    public LayerConnection {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        behaviors = behaviors == null ? List.of() : List.copyOf(behaviors);
    }

    /** Plain-value form (for parameters and documents). */
    public Map<String, Object> toValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("src", src);
        m.put("dst", dst);
        if (tags != null) {
            m.put("tag", tags);
        }
        m.put("behaviors", BehaviorSpecs.toValue(behaviors));
        return m;
    }

    /** Plain-value form of a list. */
    public static List<Object> toValue(List<LayerConnection> list) {
        List<Object> out = new ArrayList<>();
        for (LayerConnection c : list) {
            out.add(c.toValue());
        }
        return out;
    }

    /**
     * Parses the plain-value form of a connection list.
     *
     * @throws ConexException naming {@code where}, the entry and the problem
     */
    @SuppressWarnings("unchecked")
    public static List<LayerConnection> fromValue(Object raw, String where) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List)) {
            throw new ConexException(where + ": expected a list of connections, found "
                    + ParameterException.describe(raw));
        }
        List<LayerConnection> out = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) raw) {
            String w = where + ", connection [" + i++ + "]";
            if (!(o instanceof Map)) {
                throw new ConexException(w + ": expected an object {\"src\": role, \"dst\": role, \"tag\": ...,"
                        + " \"behaviors\": [...]}, found " + ParameterException.describe(o));
            }
            Map<String, Object> m = (Map<String, Object>) o;
            for (String k : m.keySet()) {
                if (!KEYS.contains(k)) {
                    throw new ConexException(w + ": unknown field '" + k + "' (a connection has src, dst, tag,"
                            + " behaviors)");
                }
            }
            out.add(new LayerConnection(text(m, "src", w, true), text(m, "dst", w, true),
                    BehaviorSpecs.fromValue(m.get("behaviors"), w), text(m, "tag", w, false)));
        }
        return List.copyOf(out);
    }

    private static String text(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new ConexException(where + ": '" + key + "' must be a non-empty text, found "
                    + ParameterException.describe(v));
        }
        return (String) v;
    }
}
