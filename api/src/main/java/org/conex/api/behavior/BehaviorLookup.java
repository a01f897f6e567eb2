package org.conex.api.behavior;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the installed behavior types by registered name. The runtime's registry
 * implements it; structures and model loaders receive one so that they create behaviors by name
 * without knowing any implementation class.
 */
@ProviderType
public interface BehaviorLookup {
    /** The chosen type for {@code name}, if a provider offers it. */
    Optional<BehaviorType> find(String name);

    /** Every registered name, sorted. */
    List<String> names();

    /** The type for {@code name}; throws a {@link org.conex.api.ConexException} naming the installed ones. */
    default BehaviorType require(String name) {
        return find(name).orElseThrow(() -> new org.conex.api.ConexException("unknown behavior '" + name
                + "'; installed: " + names()));
    }
}
