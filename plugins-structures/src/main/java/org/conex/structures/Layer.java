package org.conex.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;

/**
 * A layer (type {@code "Layer"}): neuron groups and the synapse groups among them, built by the
 * user beforehand and only grouped here (the layer creates no synapses). Members are the
 * neuron groups followed by the synapse groups.
 */
public class Layer extends Container {
    public static final StructureType TYPE = StructureType.builder("Layer", Layer::new)
            .description("neuron groups and synapse groups grouped behind named ports")
            .build();

    /**
     * @param network       owning network
     * @param tag           primary tag, or null for {@code Layer_<n>}
     * @param neuronGroups  populations
     * @param synapseGroups synapse groups (in this order)
     */
    public Layer(Network network, String tag, List<NeuronGroup> neuronGroups, List<SynapseGroup> synapseGroups) {
        this(network, tag, TYPE, TYPE.params(Map.of()), concat(neuronGroups, synapseGroups));
    }

    /** For subclasses. */
    protected Layer(Network network, String tag, StructureType type, Params params,
                    List<? extends NetworkObject> members) {
        super(network, tag, type, params, members);
    }

    private Layer(StructureContext ctx) {
        this(ctx.network(), ctx.tag(), TYPE, ctx.params(), ctx.members());
        Refs.only(ctx, TYPE.name());
    }

    static List<NetworkObject> concat(List<? extends NetworkObject> a, List<? extends NetworkObject> b) {
        List<NetworkObject> all = new ArrayList<>();
        if (a != null) {
            for (NetworkObject o : a) {
                if (o != null) {
                    all.add(o);
                }
            }
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    /** The neuron-group members, in member order. */
    public List<NeuronGroup> neuronGroups() {
        List<NeuronGroup> out = new ArrayList<>();
        for (NetworkObject o : members()) {
            if (o instanceof NeuronGroup) {
                out.add((NeuronGroup) o);
            }
        }
        return out;
    }

    /** The synapse-group members, in member order. */
    public List<SynapseGroup> synapseGroups() {
        List<SynapseGroup> out = new ArrayList<>();
        for (NetworkObject o : members()) {
            if (o instanceof SynapseGroup) {
                out.add((SynapseGroup) o);
            }
        }
        return out;
    }
}
