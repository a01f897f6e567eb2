package org.conex.api.structure;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Service provider interface: a plugin publishes structure types through it. Implementations
 * have a public no-argument constructor and are listed in
 * {@code META-INF/services/org.conex.api.structure.StructureProvider} (and registered as an OSGi
 * service inside the framework), exactly like behavior providers.
 */
@ConsumerType
public interface StructureProvider {
    /** The structure types this provider offers. */
    List<StructureType> structureTypes();
}
