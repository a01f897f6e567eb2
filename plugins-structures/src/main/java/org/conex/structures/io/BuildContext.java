package org.conex.structures.io;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.StructureContext;

/** The {@link StructureContext} that {@link StructureBuilder} hands to a structure type's factory. */
record BuildContext(Network network, String tag, Params params, List<NetworkObject> members,
                    Map<String, NetworkObject> refs, List<BehaviorSpec> behaviors, BehaviorLookup behaviorLookup,
                    Map<String, ?> bindings) implements StructureContext {

    BuildContext {
        members = List.copyOf(members);
        refs = Collections.unmodifiableMap(refs);
        behaviors = List.copyOf(behaviors);
    }

    @Override
    public Object binding(String name) {
        return bindings.get(name);
    }
}
