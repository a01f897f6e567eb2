package org.conex.api.structure;

import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;

/**
 * Everything a {@link StructureFactory} receives when a document builds one structure. The
 * builder has already created the members (in document order), resolved the references and
 * validated the parameters; after the factory returns it adds the extra tags, attaches
 * {@link #behaviors()} and sets the ports.
 */
public interface StructureContext {
    /** The network to build into. */
    Network network();

    /** The primary tag to use, or null for the type's default. */
    String tag();

    /** Parameters validated against the type's declarations. */
    Params params();

    /** The members, already built, in document order. */
    List<NetworkObject> members();

    /** References by role, already resolved. */
    Map<String, NetworkObject> refs();

    /** The structure's own behaviors, attached by the builder after creation. */
    List<BehaviorSpec> behaviors();

    /** Installed behavior types, for behaviors the structure creates itself. */
    BehaviorLookup behaviorLookup();

    /**
     * A run-time object the caller bound to {@code name} (e.g. an input layer's data), or null.
     * Documents name bindings; they never contain the objects.
     */
    Object binding(String name);
}
