package org.conex.api.structure;

import java.util.List;
import java.util.Objects;
import org.conex.api.model.NetworkObject;

/**
 * One entry of a structure's named port: where connections through the port lead, and which
 * behaviors every synapse group created through it receives.
 *
 * <p>Resolution (done by a {@code Synapsis}): a neuron group is itself; a structure is followed
 * through its own port named {@code label} (its output ports on the source side, its input
 * ports on the destination side), recursively. Behaviors of inner ports override those of outer
 * ports on equal priorities.
 *
 * @param object    a neuron group, or a structure to follow further
 * @param label     the port of {@code object} to follow (structures only; null for a group)
 * @param behaviors behaviors given to every synapse group created through this port (never null)
 */
public record Port(NetworkObject object, String label, List<BehaviorSpec> behaviors) {

    public Port {
        Objects.requireNonNull(object, "object");
        behaviors = behaviors == null ? List.of() : List.copyOf(behaviors);
    }

    /** A port leading straight to {@code object} (a neuron group), without behaviors. */
    public static Port of(NetworkObject object) {
        return new Port(object, null, List.of());
    }

    /** A port following {@code structure}'s port {@code label}, without behaviors. */
    public static Port of(NetworkObject structure, String label) {
        return new Port(structure, label, List.of());
    }

    /** The same port with behaviors for every synapse group created through it. */
    public Port withBehaviors(List<BehaviorSpec> specs) {
        return new Port(object, label, specs);
    }

    @Override
    public String toString() {
        return object.tag() + (label == null ? "" : "." + label) + (behaviors.isEmpty() ? "" : behaviors.toString());
    }
}
