package org.conex.structures.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.Port;
import org.conex.api.structure.Structure;
import org.conex.structures.io.StructureDocument.GroupNode;
import org.conex.structures.io.StructureDocument.NetworkSpec;
import org.conex.structures.io.StructureDocument.Node;
import org.conex.structures.io.StructureDocument.PortSpec;
import org.conex.structures.io.StructureDocument.StructureNode;
import org.conex.structures.io.StructureDocument.SynapseNode;

/**
 * Describes live structures as a {@link StructureDocument}: for every object its type name,
 * primary and extra tags, the parameters as given, its behaviors as (type, priority, given
 * parameters), and for structures their members (recursively, to any depth), references and
 * ports (tags a behavior adds to its owner, equal to the behavior's name, are not saved). Derived
 * objects (synapses of connections, populations of input layers) are not listed:
 * their structure re-creates them. State (voltages, weights, traces) is never saved; a rebuilt
 * network draws its random initial values again from its seed and the objects' tags.
 *
 * <p>Members are listed in the order the network created them (by the earliest object of each
 * member's subtree), so that loading creates objects in the same relative order and the rebuilt
 * network sums currents in the same order as the original.
 */
public final class StructureSaver {
    private final Map<NetworkObject, Integer> created = new IdentityHashMap<>();

    private StructureSaver(Network net) {
        List<NetworkObject> all = net.structures();
        for (int i = 0; i < all.size(); i++) {
            created.put(all.get(i), i);
        }
    }

    /** A document holding {@code structure} and everything inside it. */
    public static StructureDocument save(NetworkObject structure) {
        return save(List.of(structure));
    }

    /** A document holding {@code roots} (and everything inside them), in creation order. */
    public static StructureDocument save(List<? extends NetworkObject> roots) {
        if (roots.isEmpty()) {
            return new StructureDocument(null, List.of());
        }
        StructureSaver s = new StructureSaver(roots.get(0).network());
        return new StructureDocument(null, s.nodes(roots));
    }

    /**
     * A document holding the network section (tag, dtype, synapse mode, seed, network behaviors)
     * and every object that belongs to no structure, in creation order: loading it with
     * {@link StructureBuilder#buildNetwork} rebuilds the whole network.
     */
    public static StructureDocument saveNetwork(Network net) {
        StructureSaver s = new StructureSaver(net);
        List<NetworkObject> roots = new ArrayList<>();
        for (NetworkObject o : net.structures()) {
            if (Structure.parentOf(o) == null) {
                roots.add(o);
            }
        }
        NetworkSpec spec = new NetworkSpec(net.tag(), net.dtype().name().toLowerCase(), net.synapseMode().name(),
                net.random().masterSeed(), behaviors(net));
        return new StructureDocument(spec, s.nodes(roots));
    }

    private List<Node> nodes(List<? extends NetworkObject> objects) {
        List<NetworkObject> sorted = new ArrayList<>(objects);
        Map<NetworkObject, Integer> key = new IdentityHashMap<>();
        for (NetworkObject o : sorted) {
            key.put(o, firstCreated(o));
        }
        sorted.sort(Comparator.comparingInt(key::get));
        List<Node> out = new ArrayList<>();
        for (NetworkObject o : sorted) {
            out.add(node(o));
        }
        return out;
    }

    private int firstCreated(NetworkObject o) {
        int k = created.getOrDefault(o, Integer.MAX_VALUE);
        if (o instanceof Structure) {
            for (NetworkObject c : ((Structure) o).subStructures()) {
                k = Math.min(k, firstCreated(c));
            }
        }
        return k;
    }

    private Node node(NetworkObject o) {
        if (o instanceof NeuronGroup) {
            NeuronGroup g = (NeuronGroup) o;
            return new GroupNode(g.tag(), extraTags(g, "NeuronGroup", "ng"), g.size(),
                    g.hasGeometry() ? g.shape() : null, behaviors(g));
        }
        if (o instanceof SynapseGroup) {
            SynapseGroup s = (SynapseGroup) o;
            return new SynapseNode(s.tag(), extraTags(s, "SynapseGroup", "syn", s.src().tag() + " => "
                    + s.dst().tag()), s.src().tag(), s.dst().tag(), behaviors(s));
        }
        if (o instanceof Structure) {
            Structure s = (Structure) o;
            Map<String, String> refs = new LinkedHashMap<>();
            s.refs().forEach((k, v) -> refs.put(k, v.tag()));
            return new StructureNode(s.type().name(), s.tag(), extraTags(s, s.type().name()),
                    new LinkedHashMap<>(s.params().given()), behaviors(s), nodes(s.members()), refs,
                    ports(s.inputPorts()), ports(s.outputPorts()));
        }
        throw new DocumentException(o + " cannot be saved: only neuron groups, synapse groups and structures can");
    }

    /**
     * The tags a user gave: all but the primary tag, the automatic ones and the names of the
     * object's behaviors (behaviors such as dendritic inputs tag their owner when initialised).
     */
    private static List<String> extraTags(NetworkObject o, String... automatic) {
        List<String> out = new ArrayList<>(o.tags().subList(1, o.tags().size()));
        out.removeAll(List.of(automatic));
        for (Behavior<?> b : o.behaviors().values()) {
            out.remove(b.name());
        }
        return out;
    }

    private static List<BehaviorSpec> behaviors(NetworkObject o) {
        List<BehaviorSpec> out = new ArrayList<>();
        for (Behavior<?> b : o.behaviors().values()) {
            if (b.type() == null) {
                throw new DocumentException(o + ": behavior " + b.name() + " was not created from a registered type,"
                        + " so it cannot be saved");
            }
            out.add(BehaviorSpec.of(b));
        }
        return out;
    }

    private static Map<String, List<PortSpec>> ports(Map<String, List<Port>> ports) {
        Map<String, List<PortSpec>> out = new LinkedHashMap<>();
        ports.forEach((label, entries) -> {
            List<PortSpec> l = new ArrayList<>();
            for (Port p : entries) {
                l.add(new PortSpec(p.object().tag(), p.label(), p.behaviors()));
            }
            out.put(label, l);
        });
        return out;
    }
}
