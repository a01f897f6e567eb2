package org.conex.structures;

import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;
import org.conex.api.structure.Structure;

/**
 * A generic container (type {@code "Container"}): owns any mix of neuron groups, synapse groups
 * and structures and offers input and output ports leading into them. It has no parameters or
 * references. Layers and columns are containers with a fixed role for their members.
 */
public class Container extends Structure {
    public static final StructureType TYPE = StructureType.builder("Container", Container::new)
            .description("groups neuron groups, synapse groups and structures behind named ports")
            .build();

    /**
     * @param network owning network
     * @param tag     primary tag, or null for {@code Container_<n>}
     * @param members objects to own, in order
     */
    public Container(Network network, String tag, List<? extends NetworkObject> members) {
        this(network, tag, TYPE, TYPE.params(Map.of()), members);
    }

    /** For subclasses: a container of {@code type} owning {@code members}. */
    protected Container(Network network, String tag, StructureType type, Params params,
                        List<? extends NetworkObject> members) {
        super(network, tag, type, params, members);
    }

    private Container(StructureContext ctx) {
        this(ctx.network(), ctx.tag(), TYPE, ctx.params(), ctx.members());
        Refs.only(ctx, TYPE.name());
    }

    /** Adds one more member (the reference's {@code add_sub_structure}). */
    public void addSubStructure(NetworkObject member) {
        adopt(member);
    }
}
