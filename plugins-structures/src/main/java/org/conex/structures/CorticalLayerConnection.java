package org.conex.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;

/**
 * Synapse groups between two layers (type {@code "CorticalLayerConnection"}): one group per
 * {@link LayerConnection}, from {@code src.ref(c.src())} to {@code dst.ref(c.dst())}, created once
 * both ends are known (at construction, or by {@link #connectSrc}/{@link #connectDst} in either
 * order; the reference fails when {@code connect_dst} comes first). Each group gets its own
 * behavior instances. Groups are derived objects tagged
 * {@code <connection tag>.<src role>=><dst role>} plus the connection's tags.
 *
 * <p>Parameter {@code connections}: the connection list in plain-value form (see
 * {@link LayerConnection}). References: {@code src}, {@code dst} (layers), once connected.
 */
public final class CorticalLayerConnection extends Structure {
    public static final StructureType TYPE = StructureType.builder("CorticalLayerConnection",
                    CorticalLayerConnection::new)
            .param(ParamSpec.of("connections", ParamKind.ANY).doc("[{src, dst, tag, behaviors}]: one synapse group"
                    + " each, between populations named by role (exc_pop, inh_pop)"))
            .description("synapse groups between the populations of two layers")
            .build();

    private final List<LayerConnection> connections;
    private final BehaviorLookup lookup;
    private Structure src;
    private Structure dst;

    /**
     * An unconnected connection; synapses are created once both ends are set.
     *
     * @param network     owning network
     * @param tag         primary tag, or null for {@code CorticalLayerConnection_<n>}
     * @param connections the synapse groups to create
     * @param lookup      installed behaviors (for the groups' behaviors)
     */
    public CorticalLayerConnection(Network network, String tag, List<LayerConnection> connections,
                                   BehaviorLookup lookup) {
        super(network, tag, TYPE, TYPE.params(Map.of("connections", LayerConnection.toValue(connections))));
        this.connections = List.copyOf(connections);
        this.lookup = lookup;
        checkBehaviors();
    }

    /** A connection from {@code src} to {@code dst}; its synapses are created immediately. */
    public CorticalLayerConnection(Network network, String tag, Structure src, Structure dst,
                                   List<LayerConnection> connections, BehaviorLookup lookup) {
        this(network, tag, connections, lookup);
        connectSrc(src);
        connectDst(dst);
    }

    private CorticalLayerConnection(StructureContext ctx) {
        super(ctx.network(), ctx.tag(), TYPE, ctx.params());
        this.lookup = ctx.behaviorLookup();
        this.connections = LayerConnection.fromValue(ctx.params().get("connections"),
                TYPE.name() + " '" + tag() + "' parameter 'connections'");
        Refs.only(ctx, TYPE.name(), "src", "dst");
        if (!ctx.members().isEmpty()) {
            throw new ConexException(this + ": takes no members (its synapse groups are created from 'connections')");
        }
        checkBehaviors();
        connectSrc(Refs.structure(ctx.refs(), TYPE.name(), tag(), "src"));
        connectDst(Refs.structure(ctx.refs(), TYPE.name(), tag(), "dst"));
    }

    private void checkBehaviors() {
        int i = 0;
        for (LayerConnection c : connections) {
            String where = this + ", connection [" + i++ + "]";
            BehaviorSpecs.check(c.behaviors(), lookup, where);
            BehaviorMap.of(c.behaviors(), lookup, where);
        }
    }

    /** The connection list. */
    public List<LayerConnection> connections() {
        return connections;
    }

    /** The source layer, or null while unconnected. */
    public Structure src() {
        return src;
    }

    /** The destination layer, or null while unconnected. */
    public Structure dst() {
        return dst;
    }

    /** Sets the source if it is not set yet, then creates the synapses if both ends are set. */
    public void connectSrc(Structure s) {
        if (src == null && s != null) {
            src = s;
            setRef("src", s);
        }
        createSynapses();
    }

    /** Sets the destination if it is not set yet, then creates the synapses if both ends are set. */
    public void connectDst(Structure d) {
        if (dst == null && d != null) {
            dst = d;
            setRef("dst", d);
        }
        createSynapses();
    }

    /** Creates one synapse group per connection if both ends are set and none exist yet. */
    public void createSynapses() {
        if (src == null || dst == null || !derived().isEmpty()) {
            return;
        }
        int i = 0;
        for (LayerConnection c : connections) {
            NeuronGroup s = population(src, c.src(), i);
            NeuronGroup d = population(dst, c.dst(), i);
            String t = derivedTag(c.src() + "=>" + c.dst());
            if (network().object(t) != null) {
                t = t + "#" + (i + 1);
            }
            SynapseGroup sg = network().addSynapseGroup(t, s, d, c.tags() == null ? new String[0]
                    : new String[] {c.tags()});
            adoptDerived(null, sg);
            BehaviorMap.of(c.behaviors(), lookup, this + ", connection [" + i + "]").attachTo(sg, lookup);
            i++;
        }
    }

    private NeuronGroup population(Structure layer, String role, int i) {
        NetworkObject o = layer.ref(role);
        if (o instanceof NeuronGroup) {
            return (NeuronGroup) o;
        }
        throw new ConexException(this + ", connection [" + i + "]: " + layer + " has no population '" + role + "'"
                + (o == null ? " (it has " + layer.roles() + ")" : " (it is " + o + ")"));
    }

    /** The created synapse groups, in connection order (empty while unconnected). */
    public List<SynapseGroup> synapses() {
        List<SynapseGroup> out = new ArrayList<>();
        for (NetworkObject o : derived()) {
            out.add((SynapseGroup) o);
        }
        return out;
    }
}
