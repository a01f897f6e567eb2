package org.conex.structures.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.Port;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureLookup;
import org.conex.api.structure.StructureType;
import org.conex.api.tensor.DType;
import org.conex.structures.BehaviorMap;
import org.conex.structures.BehaviorSpecs;
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
    private final Map<String, Planned> planned = new HashMap<>();
    private final Map<String, String> mappedTags = new HashMap<>();
    private final Map<String, NetworkObject> built = new HashMap<>();
    private final Map<Node, Integer> order = new IdentityHashMap<>();
    private int counter;

    private record Planned(Node node, int index, String where) {
    }

    private StructureBuilder(Network net, BehaviorLookup behaviors, StructureLookup structures, Options options) {
        this.net = net;
        this.behaviors = behaviors;
        this.structures = structures;
        this.options = options;
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
        b.plan(doc.members(), "", new ArrayList<>());
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
        StructureBuilder check = new StructureBuilder(null, behaviors, structures, options);
        check.checkBehaviors(spec.behaviors(), "network");
        Network net = new Network(spec.tag(), dtype, mode, spec.seed());
        BehaviorMap.of(spec.behaviors(), behaviors, "network").attachTo(net, behaviors);
        build(net, doc, behaviors, structures, options);
        return net;
    }

    // ---------------------------------------------------------------- checking

    private void plan(List<Node> nodes, String prefix, List<Node> ancestors) {
        index(nodes, prefix);
        check(nodes, prefix, ancestors);
    }

    private void index(List<Node> nodes, String prefix) {
        int i = 0;
        for (Node n : nodes) {
            String where = prefix + "members[" + i++ + "] " + n.type() + (n.tag() == null ? "" : " '" + n.tag() + "'");
            if (n instanceof StructureNode) {
                index(((StructureNode) n).members(), where + " > ");
            }
            order.put(n, counter++);
            if (n.tag() == null) {
                continue;
            }
            Planned old = planned.put(n.tag(), new Planned(n, order.get(n), where));
            if (old != null) {
                throw new DocumentException(where + ": tag '" + n.tag() + "' is also used by " + old.where()
                        + "; every object needs its own tag");
            }
            String mapped = options.tags().map(n.tag());
            if (mapped == null || mapped.isBlank() || mapped.contains(",")) {
                throw new DocumentException(where + ": the tag mapping turned '" + n.tag() + "' into an invalid tag '"
                        + mapped + "'");
            }
            String clash = mappedTags.put(mapped, n.tag());
            if (clash != null) {
                throw new DocumentException(where + ": the tag mapping gives '" + n.tag() + "' and '" + clash
                        + "' the same tag '" + mapped + "'");
            }
            if (net.object(mapped) != null) {
                throw new DocumentException(where + ": the network already has an object tagged '" + mapped
                        + "' (" + net.object(mapped) + "); load with a tag mapping, or into another network");
            }
        }
    }

    private void check(List<Node> nodes, String prefix, List<Node> ancestors) {
        int i = 0;
        for (Node n : nodes) {
            String where = prefix + "members[" + i++ + "] " + n.type() + (n.tag() == null ? "" : " '" + n.tag() + "'");
            if (n instanceof GroupNode) {
                checkBehaviors(((GroupNode) n).behaviors(), where);
            } else if (n instanceof SynapseNode) {
                SynapseNode s = (SynapseNode) n;
                checkBehaviors(s.behaviors(), where);
                checkGroup(s.src(), n, ancestors, where + ": 'src'");
                checkGroup(s.dst(), n, ancestors, where + ": 'dst'");
            } else {
                StructureNode s = (StructureNode) n;
                StructureType type = structures.find(s.type()).orElseThrow(() -> new DocumentException(where
                        + ": unknown structure type '" + s.type() + "'; installed: " + structures.names()
                        + " (providers: " + structures.providers() + ")"));
                List<ParameterException> errors = type.check(s.params());
                if (!errors.isEmpty()) {
                    throw new DocumentException(where + ": " + errors.get(0).getMessage(), errors.get(0));
                }
                checkBehaviors(s.behaviors(), where);
                List<Node> inner = new ArrayList<>(ancestors);
                inner.add(n);
                check(s.members(), where + " > ", inner);
                s.refs().forEach((role, tag) -> reference(tag, n, ancestors, false, where + ": reference '" + role
                        + "'"));
                checkPorts(s.inputPorts(), n, ancestors, where + ": input port");
                checkPorts(s.outputPorts(), n, ancestors, where + ": output port");
            }
        }
    }

    private void checkPorts(Map<String, List<PortSpec>> ports, Node n, List<Node> ancestors, String where) {
        ports.forEach((label, entries) -> {
            for (PortSpec p : entries) {
                reference(p.object(), n, ancestors, true, where + " '" + label + "'");
                checkBehaviors(p.behaviors(), where + " '" + label + "'");
            }
        });
    }

    private void checkBehaviors(List<BehaviorSpec> specs, String where) {
        try {
            BehaviorSpecs.check(specs, behaviors, where);
            BehaviorMap.of(specs, behaviors, where);
        } catch (DocumentException e) {
            throw e;
        } catch (ConexException e) {
            throw new DocumentException(e.getMessage(), e);
        }
    }

    private void checkGroup(String tag, Node from, List<Node> ancestors, String where) {
        Planned p = reference(tag, from, ancestors, false, where);
        boolean group = p != null ? p.node() instanceof GroupNode : net.object(tag) instanceof NeuronGroup;
        if (!group) {
            throw new DocumentException(where + ": '" + tag + "' is " + (p != null ? "a " + p.node().type()
                    : net.object(tag)) + ", expected a neuron group");
        }
    }

    /** Checks that {@code tag} can be resolved when {@code from} is built; null for outside objects. */
    private Planned reference(String tag, Node from, List<Node> ancestors, boolean selfAllowed, String where) {
        Planned p = planned.get(tag);
        int at = order.get(from);
        if (p != null) {
            if (p.index() < at || (selfAllowed && p.node() == from)) {
                return p;
            }
            if (p.node() == from) {
                throw new DocumentException(where + ": refers to '" + tag + "' itself (cycle)");
            }
            if (ancestors.contains(p.node())) {
                throw new DocumentException(where + ": refers to '" + tag + "', which contains it (cycle)");
            }
            throw new DocumentException(where + ": refers to '" + tag + "', which is defined later (" + p.where()
                    + "); list objects before the objects that refer to them");
        }
        for (int dot = tag.lastIndexOf('.'); dot > 0; dot = tag.lastIndexOf('.', dot - 1)) {
            Planned owner = planned.get(tag.substring(0, dot));
            if (owner != null && owner.node() instanceof StructureNode
                    && (owner.index() < at || owner.node() == from)) {
                return null;
            }
        }
        if (net.object(tag) == null) {
            throw new DocumentException(where + ": no object tagged '" + tag + "' in the document or the network");
        }
        return null;
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
            throw new DocumentException(w + ": " + e.getMessage(), e);
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
        Structure s = type.create(new Context(tag, params, members, refs, n.behaviors()));
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
        if (o == null && !planned.containsKey(tag)) {
            o = net.object(tag);
        }
        if (o == null) {
            throw new DocumentException(where + ": no object tagged '" + tag + "' was built (a structure creates its"
                    + " own objects as <structure tag>.<name>; check the name)");
        }
        return o;
    }

    private final class Context implements StructureContext {
        private final String tag;
        private final Params params;
        private final List<NetworkObject> members;
        private final Map<String, NetworkObject> refs;
        private final List<BehaviorSpec> behaviorSpecs;

        Context(String tag, Params params, List<NetworkObject> members, Map<String, NetworkObject> refs,
                List<BehaviorSpec> behaviorSpecs) {
            this.tag = tag;
            this.params = params;
            this.members = List.copyOf(members);
            this.refs = java.util.Collections.unmodifiableMap(refs);
            this.behaviorSpecs = behaviorSpecs;
        }

        @Override
        public Network network() {
            return net;
        }

        @Override
        public String tag() {
            return tag;
        }

        @Override
        public Params params() {
            return params;
        }

        @Override
        public List<NetworkObject> members() {
            return members;
        }

        @Override
        public Map<String, NetworkObject> refs() {
            return refs;
        }

        @Override
        public List<BehaviorSpec> behaviors() {
            return behaviorSpecs;
        }

        @Override
        public BehaviorLookup behaviorLookup() {
            return behaviors;
        }

        @Override
        public Object binding(String name) {
            return options.bindings().get(name);
        }
    }
}
