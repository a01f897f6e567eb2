package org.conex.structures.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.structure.Port;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureLookup;
import org.conex.api.structure.StructureType;
import org.conex.api.tensor.DType;
import org.conex.structures.BehaviorMap;
import org.conex.structures.io.StructureDocument.GroupNode;
import org.conex.structures.io.StructureDocument.Node;
import org.conex.structures.io.StructureDocument.PortSpec;
import org.conex.structures.io.StructureDocument.StructureNode;
import org.conex.structures.io.StructureDocument.SynapseNode;

/**
 * Builds the objects a {@link StructureDocument} describes into a network: neuron groups and
 * synapse groups directly, structures through their registered type's factory (found by name in
 * the {@link StructureLookup}; nothing else is ever instantiated), behaviors through the
 * {@link BehaviorLookup}, each object getting its own fresh instances.
 *
 * <p>The whole document is checked before anything is created: unknown structure or behavior
 * types (the message lists the installed ones and their providers), invalid parameters, duplicate
 * or taken tags, references to objects that do not exist, that come later in the document, or
 * that contain the referring object (cycles). Problems only a factory can see (a port leading
 * nowhere, a population a connection cannot find) surface while building and leave the objects
 * created so far in the network; build into a fresh network when that matters.
 *
 * <pre>{@code
 * StructureDocument doc = StructureJson.read(Path.of("column.json"));
 * List<NetworkObject> built = StructureBuilder.build(net, doc, behaviors, structures);
 * }</pre>
 */
public final class StructureBuilder {
    /**
     * Build options.
     *
     * @param tags     how document tags become network tags
     * @param bindings run-time objects (input data) that documents name in parameters such as an
     *                 input layer's {@code data}
     */
    public record Options(TagMapping tags, Map<String, ?> bindings) {
        public Options {
            Objects.requireNonNull(tags, "tags");
            bindings = bindings == null ? Map.of() : Map.copyOf(bindings);
        }

        /** Tags as written, no bindings. */
        public static Options defaults() {
            return new Options(TagMapping.identity(), Map.of());
        }

        public Options withTags(TagMapping t) {
            return new Options(t, bindings);
        }

        public Options withBindings(Map<String, ?> b) {
            return new Options(tags, b);
        }
    }

    private final Network net;
    private final BehaviorLookup behaviors;
    private final StructureLookup structures;
    private final Options options;
    private final DocumentCheck check;
    private final Map<String, NetworkObject> built = new HashMap<>();

    private StructureBuilder(Network net, BehaviorLookup behaviors, StructureLookup structures, Options options) {
        this.net = net;
        this.behaviors = behaviors;
        this.structures = structures;
        this.options = options;
        this.check = new DocumentCheck(net, behaviors, structures, options.tags());
    }

    /** Builds {@code doc}'s members into {@code net} with tags as written. */
    public static List<NetworkObject> build(Network net, StructureDocument doc, BehaviorLookup behaviors,
                                            StructureLookup structures) {
        return build(net, doc, behaviors, structures, Options.defaults());
    }

    /**
     * Builds {@code doc}'s members into {@code net} (its network section, if any, is not used).
     *
     * @return the top-level objects built, in document order
     * @throws DocumentException naming the location in the document and the problem
     */
    public static List<NetworkObject> build(Network net, StructureDocument doc, BehaviorLookup behaviors,
                                            StructureLookup structures, Options options) {
        StructureBuilder b = new StructureBuilder(net, behaviors, structures, options);
        b.check.check(doc.members());
        List<NetworkObject> out = new ArrayList<>();
        int i = 0;
        for (Node n : doc.members()) {
            out.add(b.build(n, "members[" + i++ + "]"));
        }
        return out;
    }

    /**
     * A new network from the document's network section (tag, dtype, synapse mode, seed,
     * network behaviors) with the document's members built into it.
     *
     * @throws DocumentException if the document has no network section or is invalid
     */
    public static Network buildNetwork(StructureDocument doc, BehaviorLookup behaviors, StructureLookup structures,
                                       Options options) {
        StructureDocument.NetworkSpec spec = doc.network();
        if (spec == null) {
            throw new DocumentException("document: no 'network' section; build its members into an existing network"
                    + " instead");
        }
        DType dtype;
        SynapseMode mode;
        try {
            dtype = DType.parse(spec.dtype());
        } catch (RuntimeException e) {
            throw new DocumentException("network: 'dtype' must be float32 or float64, found \"" + spec.dtype() + "\"");
        }
        try {
            mode = SynapseMode.valueOf(spec.synapseMode());
        } catch (IllegalArgumentException e) {
            throw new DocumentException("network: 'synapse_mode' must be SxD or DxS, found \"" + spec.synapseMode()
                    + "\"");
        }
        Network net = new Network(spec.tag(), dtype, mode, spec.seed());
        new DocumentCheck(net, behaviors, structures, options.tags()).checkNetworkBehaviors(spec.behaviors());
        BehaviorMap.of(spec.behaviors(), behaviors, "network").attachTo(net, behaviors);
        build(net, doc, behaviors, structures, options);
        return net;
    }

    // ---------------------------------------------------------------- building

    private NetworkObject build(Node n, String where) {
        String w = where + " " + n.type() + (n.tag() == null ? "" : " '" + n.tag() + "'");
        String tag = n.tag() == null ? null : options.tags().map(n.tag());
        NetworkObject o;
        try {
            if (n instanceof GroupNode) {
                GroupNode g = (GroupNode) n;
                NeuronGroup ng = g.shape() == null ? net.addNeuronGroup(tag, g.size())
                        : net.addNeuronGroup(tag, g.shape());
                g.tags().forEach(ng::addTag);
                BehaviorMap.of(g.behaviors(), behaviors, w).attachTo(ng, behaviors);
                o = ng;
            } else if (n instanceof SynapseNode) {
                SynapseNode s = (SynapseNode) n;
                SynapseGroup sg = net.addSynapseGroup(tag, (NeuronGroup) object(s.src(), w), (NeuronGroup) object(s.dst(),
                        w), s.tags().toArray(new String[0]));
                BehaviorMap.of(s.behaviors(), behaviors, w).attachTo(sg, behaviors);
                o = sg;
            } else {
                o = structure((StructureNode) n, tag, w);
            }
        } catch (DocumentException e) {
            throw e;
        } catch (ConexException e) {
            String self = n.type() + " '" + tag + "'";
            String msg = e.getMessage();
            throw new DocumentException(tag != null && msg.startsWith(self) ? where + " " + msg : w + ": " + msg, e);
        }
        if (n.tag() != null) {
            built.put(n.tag(), o);
        }
        return o;
    }

    private Structure structure(StructureNode n, String tag, String w) {
        List<NetworkObject> members = new ArrayList<>();
        int i = 0;
        for (Node m : n.members()) {
            members.add(build(m, w + " > members[" + i++ + "]"));
        }
        Map<String, NetworkObject> refs = new LinkedHashMap<>();
        n.refs().forEach((role, t) -> refs.put(role, object(t, w + ": reference '" + role + "'")));
        StructureType type = structures.require(n.type());
        Params params = type.params(n.params());
        Structure s = type.create(new BuildContext(net, tag, params, members, refs, n.behaviors(), behaviors,
                options.bindings()));
        if (s == null || s.type() != type || s.network() != net) {
            throw new DocumentException(w + ": the factory of structure type '" + n.type() + "' returned "
                    + s + " instead of a new " + n.type() + " of this network");
        }
        n.tags().forEach(s::addTag);
        BehaviorMap.of(n.behaviors(), behaviors, w).attachTo(s, behaviors);
        if (n.tag() != null) {
            built.put(n.tag(), s);
            for (NetworkObject d : s.derived()) {
                if (d.tag().startsWith(s.tag() + ".")) {
                    built.put(n.tag() + d.tag().substring(s.tag().length()), d);
                }
            }
        }
        n.inputPorts().forEach((label, entries) -> s.setInputPort(label, ports(entries, w + ": input port '"
                + label + "'")));
        n.outputPorts().forEach((label, entries) -> s.setOutputPort(label, ports(entries, w + ": output port '"
                + label + "'")));
        return s;
    }

    private List<Port> ports(List<PortSpec> entries, String where) {
        List<Port> out = new ArrayList<>();
        for (PortSpec p : entries) {
            out.add(new Port(object(p.object(), where), p.label(), p.behaviors()));
        }
        return out;
    }

    private NetworkObject object(String tag, String where) {
        NetworkObject o = built.get(tag);
        if (o == null && !check.defines(tag)) {
            o = net.object(tag);
        }
        if (o == null) {
            throw new DocumentException(where + ": no object tagged '" + tag + "' in the document, the network or"
                    + " among the objects its structures created (named <structure tag>.<name>)");
        }
        return o;
    }
}
