package org.conex.structures;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;

/** Checks on the references a {@link StructureContext} hands to a factory. */
final class Refs {
    private Refs() {
    }

    /** Fails if {@code ctx} has a reference not among {@code allowed}. */
    static void only(StructureContext ctx, String type, String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (String k : ctx.refs().keySet()) {
            if (!ok.contains(k)) {
                throw new ConexException(type + " '" + ctx.tag() + "': unknown reference '" + k + "'"
                        + (ok.isEmpty() ? " (it takes none)" : " (it takes " + ok + ")"));
            }
        }
    }

    /** The neuron group under {@code role}, or null; fails if it is something else. */
    static NeuronGroup group(StructureContext ctx, String type, String role) {
        NetworkObject o = ctx.refs().get(role);
        if (o == null || o instanceof NeuronGroup) {
            return (NeuronGroup) o;
        }
        throw new ConexException(type + " '" + ctx.tag() + "': reference '" + role + "' must be a neuron group, found "
                + o);
    }

    /** The structure under {@code role}, or null; fails if it is something else. */
    static Structure structure(Map<String, NetworkObject> refs, String type, String tag, String role) {
        NetworkObject o = refs.get(role);
        if (o == null || o instanceof Structure) {
            return (Structure) o;
        }
        throw new ConexException(type + " '" + tag + "': reference '" + role + "' must be a structure, found " + o);
    }
}
