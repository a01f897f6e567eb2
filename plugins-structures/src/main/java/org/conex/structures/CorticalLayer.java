package org.conex.structures;

import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;

/**
 * A cortical layer (type {@code "CorticalLayer"}): an excitatory and an inhibitory population
 * and the synapse groups among them, known to connections under the roles {@code exc_pop} and
 * {@code inh_pop}. Either population may be absent (the reference crashes then; a layer with
 * only an excitatory population is the README's use case). The inhibitory population should
 * carry the tag {@code inh} so that currents from it are negative.
 */
public class CorticalLayer extends Layer {
    /** Role of the excitatory population. */
    public static final String EXC = "exc_pop";
    /** Role of the inhibitory population. */
    public static final String INH = "inh_pop";

    public static final StructureType TYPE = StructureType.builder("CorticalLayer", CorticalLayer::new)
            .description("excitatory and inhibitory populations (roles exc_pop, inh_pop) and their synapses")
            .build();

    /**
     * @param network       owning network
     * @param tag           primary tag, or null for {@code CorticalLayer_<n>}
     * @param excitatory    excitatory population (may be null)
     * @param inhibitory    inhibitory population (may be null)
     * @param synapseGroups synapse groups among them, in this order
     */
    public CorticalLayer(Network network, String tag, NeuronGroup excitatory, NeuronGroup inhibitory,
                         List<SynapseGroup> synapseGroups) {
        super(network, tag, TYPE, TYPE.params(Map.of()), concat(java.util.Arrays.asList(excitatory, inhibitory),
                synapseGroups));
        setRef(EXC, excitatory);
        setRef(INH, inhibitory);
    }

    private CorticalLayer(StructureContext ctx) {
        super(ctx.network(), ctx.tag(), TYPE, ctx.params(), ctx.members());
        Refs.only(ctx, TYPE.name(), EXC, INH);
        for (String role : new String[] {EXC, INH}) {
            NeuronGroup g = Refs.group(ctx, TYPE.name(), role);
            if (g != null && !members().contains(g)) {
                throw new ConexException(this + ": reference '" + role + "' is " + g + ", which is not a member of"
                        + " the layer");
            }
            setRef(role, g);
        }
    }

    /** The excitatory population, or null. */
    public NeuronGroup excitatory() {
        return (NeuronGroup) ref(EXC);
    }

    /** The inhibitory population, or null. */
    public NeuronGroup inhibitory() {
        return (NeuronGroup) ref(INH);
    }
}
