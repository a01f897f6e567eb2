package org.conex.structures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;

/**
 * A cortical column (type {@code "CorticalColumn"}): named layers and the
 * {@link CorticalLayerConnection}s between them. On construction every connection with neither
 * end set is connected from {@code layers[srcName]} to {@code layers[dstName]} (creating its
 * synapses); connections that already have ends are left as they are. Members are the layers
 * (map order) followed by the connections (list order); the layer names are the column's
 * references, so a saved column reads {@code "refs": {"l4": "L4", ...}}.
 */
public final class CorticalColumn extends Container {
    public static final StructureType TYPE = StructureType.builder("CorticalColumn", CorticalColumn::new)
            .description("named cortical layers and the layer connections between them")
            .build();

    /**
     * How a connection is wired inside the column.
     *
     * @param src        name of the source layer
     * @param dst        name of the destination layer
     * @param connection the connection object
     */
    public record LayerLink(String src, String dst, CorticalLayerConnection connection) {
        public LayerLink {
            Objects.requireNonNull(src, "src");
            Objects.requireNonNull(dst, "dst");
            Objects.requireNonNull(connection, "connection");
        }
    }

    /**
     * @param network     owning network
     * @param tag         primary tag, or null for {@code CorticalColumn_<n>}
     * @param layers      layers by name (null: none)
     * @param connections connections between named layers (null: none)
     */
    public CorticalColumn(Network network, String tag, Map<String, ? extends Structure> layers,
                          List<LayerLink> connections) {
        super(network, tag, TYPE, TYPE.params(Map.of()), members(layers, connections));
        Map<String, ? extends Structure> ls = layers == null ? Map.of() : layers;
        ls.forEach(this::setRef);
        if (connections != null) {
            for (LayerLink l : connections) {
                Structure s = layer(ls, l.src());
                Structure d = layer(ls, l.dst());
                CorticalLayerConnection c = l.connection();
                if (c.src() == null && c.dst() == null) {
                    c.connectSrc(s);
                    c.connectDst(d);
                }
            }
        }
    }

    private CorticalColumn(StructureContext ctx) {
        super(ctx.network(), ctx.tag(), TYPE, ctx.params(), ctx.members());
        for (Map.Entry<String, NetworkObject> e : ctx.refs().entrySet()) {
            Structure l = Refs.structure(ctx.refs(), TYPE.name(), tag(), e.getKey());
            if (!members().contains(l)) {
                throw new ConexException(this + ": layer '" + e.getKey() + "' is " + l + ", which is not a member of"
                        + " the column");
            }
            setRef(e.getKey(), l);
        }
        for (NetworkObject m : members()) {
            if (m instanceof CorticalLayerConnection && ((CorticalLayerConnection) m).src() == null) {
                throw new ConexException(this + ": " + m + " is not connected; in a document give it references"
                        + " 'src' and 'dst' (layers of the column)");
            }
        }
    }

    private static List<NetworkObject> members(Map<String, ? extends Structure> layers, List<LayerLink> links) {
        List<NetworkObject> m = new ArrayList<>();
        if (layers != null) {
            m.addAll(layers.values());
        }
        if (links != null) {
            for (LayerLink l : links) {
                m.add(l.connection());
            }
        }
        return m;
    }

    private Structure layer(Map<String, ? extends Structure> layers, String name) {
        Structure s = layers.get(name);
        if (s == null) {
            throw new ConexException(this + ": no layer named '" + name + "' (layers: " + layers.keySet() + ")");
        }
        return s;
    }

    /** The layers by name, in order. */
    public Map<String, Structure> layers() {
        Map<String, Structure> out = new LinkedHashMap<>();
        refs().forEach((k, v) -> out.put(k, (Structure) v));
        return out;
    }

    /** The layer called {@code name}, or null. */
    public Structure layer(String name) {
        return (Structure) refs().get(name);
    }

    /** Each member connection with the names of the layers it joins (null for an outside layer). */
    public List<LayerLink> layerConnections() {
        List<LayerLink> out = new ArrayList<>();
        for (NetworkObject m : members()) {
            if (m instanceof CorticalLayerConnection) {
                CorticalLayerConnection c = (CorticalLayerConnection) m;
                out.add(new LayerLink(nameOf(c.src()), nameOf(c.dst()), c));
            }
        }
        return out;
    }

    private String nameOf(Structure s) {
        for (Map.Entry<String, NetworkObject> e : refs().entrySet()) {
            if (e.getValue() == s) {
                return e.getKey();
            }
        }
        return s == null ? "?" : s.tag();
    }
}
