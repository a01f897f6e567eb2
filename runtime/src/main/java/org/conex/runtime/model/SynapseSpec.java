package org.conex.runtime.model;

import java.util.List;

/**
 * One entry of {@code synapses}: connections from a source to a destination group.
 *
 * @param tag       unique name
 * @param src       tag of the source (presynaptic) group
 * @param dst       tag of the destination (postsynaptic) group
 * @param tags      extra tags; {@code Proximal}, {@code Distal} or {@code Apical} choose the dendrite
 * @param behaviors resolved behaviors
 * @param path      JSON path of the entry
 */
public record SynapseSpec(String tag, String src, String dst, List<String> tags, List<BehaviorSpec> behaviors,
                          String path) {
    public SynapseSpec {
        tags = List.copyOf(tags);
        behaviors = List.copyOf(behaviors);
    }
}
