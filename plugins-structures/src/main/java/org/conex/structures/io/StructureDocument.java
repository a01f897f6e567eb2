package org.conex.structures.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conex.api.model.NeuronShape;
import org.conex.api.structure.BehaviorSpec;

/**
 * A saved description of structures (and optionally the network they live in): logical type
 * names, tags, parameters and references only, never classes, code or state. Members are listed
 * in the order they are to be created; a reference may only name an object created before it
 * (or one already in the network). The JSON form is documented in {@code docs/structures.md};
 * {@link DocumentReader} and {@link DocumentWriter} convert between it and these records.
 *
 * @param network the network section, or null when the document only adds structures
 * @param members top-level objects in creation order
 */
public record StructureDocument(NetworkSpec network, List<Node> members) {
    /** The value of the {@code "format"} field. */
    public static final String FORMAT = "conex-structures";
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;

    public StructureDocument {
        members = List.copyOf(members);
    }

    /**
     * The network section.
     *
     * @param tag         network tag (e.g. "Neocortex")
     * @param dtype       "float32" or "float64"
     * @param synapseMode "SxD" or "DxS"
     * @param seed        master seed
     * @param behaviors   network behaviors (TimeResolution, Payoff, Dopamine, ...)
     */
    public record NetworkSpec(String tag, String dtype, String synapseMode, long seed, List<BehaviorSpec> behaviors) {
        public NetworkSpec {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(dtype, "dtype");
            Objects.requireNonNull(synapseMode, "synapseMode");
            behaviors = List.copyOf(behaviors);
        }
    }

    /** One object of the document. */
    public sealed interface Node permits GroupNode, SynapseNode, StructureNode {
        /** The primary tag as written (null: the default). */
        String tag();

        /** The registered type name ("NeuronGroup", "SynapseGroup" or a structure type). */
        String type();
    }

    /**
     * A neuron group.
     *
     * @param tag       primary tag (null: default)
     * @param tags      extra tags (e.g. "inh")
     * @param size      number of neurons
     * @param shape     depth x height x width, or null for a flat group
     * @param behaviors behaviors with explicit or default priorities
     */
    public record GroupNode(String tag, List<String> tags, int size, NeuronShape shape, List<BehaviorSpec> behaviors)
            implements Node {
        public GroupNode {
            tags = List.copyOf(tags);
            behaviors = List.copyOf(behaviors);
        }

        @Override
        public String type() {
            return "NeuronGroup";
        }
    }

    /**
     * A synapse group.
     *
     * @param tag       primary tag (null: default)
     * @param tags      extra tags (e.g. "Proximal")
     * @param src       tag of the source neuron group
     * @param dst       tag of the destination neuron group
     * @param behaviors behaviors with explicit or default priorities
     */
    public record SynapseNode(String tag, List<String> tags, String src, String dst, List<BehaviorSpec> behaviors)
            implements Node {
        public SynapseNode {
            Objects.requireNonNull(src, "src");
            Objects.requireNonNull(dst, "dst");
            tags = List.copyOf(tags);
            behaviors = List.copyOf(behaviors);
        }

        @Override
        public String type() {
            return "SynapseGroup";
        }
    }

    /**
     * A structure of a registered type.
     *
     * @param type        registered structure type name
     * @param tag         primary tag (null: default)
     * @param tags        extra tags
     * @param params      parameters (plain values) validated by the type
     * @param behaviors   the structure's own behaviors
     * @param members     owned objects, in creation order
     * @param refs        references: role → tag
     * @param inputPorts  input ports: label → entries
     * @param outputPorts output ports: label → entries
     */
    public record StructureNode(String type, String tag, List<String> tags, Map<String, Object> params,
                                List<BehaviorSpec> behaviors, List<Node> members, Map<String, String> refs,
                                Map<String, List<PortSpec>> inputPorts, Map<String, List<PortSpec>> outputPorts)
            implements Node {
        public StructureNode {
            Objects.requireNonNull(type, "type");
            tags = List.copyOf(tags);
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            behaviors = List.copyOf(behaviors);
            members = List.copyOf(members);
            refs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(refs));
            inputPorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputPorts));
            outputPorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputPorts));
        }
    }

    /**
     * One port entry.
     *
     * @param object    tag of the neuron group or structure the entry leads to
     * @param label     port of that structure to follow (null for a group)
     * @param behaviors behaviors of every synapse group created through the entry
     */
    public record PortSpec(String object, String label, List<BehaviorSpec> behaviors) {
        public PortSpec {
            Objects.requireNonNull(object, "object");
            behaviors = List.copyOf(behaviors);
        }
    }
}
