package org.conex.api.structure;

import java.util.List;
import java.util.Optional;
import org.conex.api.ConexException;

/**
 * Read access to the installed structure types by registered name. Loaders receive one so that
 * documents can only ever create registered types.
 */
public interface StructureLookup {
    /** The type registered as {@code name}, if a provider offers it. */
    Optional<StructureType> find(String name);

    /** Every registered name, sorted. */
    List<String> names();

    /** Where the types come from (provider names), for messages. */
    default List<String> providers() {
        return List.of();
    }

    /** The type for {@code name}; throws naming the installed types and providers. */
    default StructureType require(String name) {
        return find(name).orElseThrow(() -> new ConexException("unknown structure type '" + name + "'; installed: "
                + names() + (providers().isEmpty() ? "" : " (providers: " + providers() + ")")));
    }
}
