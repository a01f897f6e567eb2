package org.conex.api.helper;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Service provider interface: a plugin publishes helper types (encoders, filters, masks,
 * transforms, datasets) through it, exactly as behaviors are published through
 * {@link org.conex.api.behavior.BehaviorProvider}. Implementations have a public no-argument
 * constructor and are listed in {@code META-INF/services/org.conex.api.helper.HelperProvider}
 * (and registered as an OSGi service inside the framework).
 */
@ConsumerType
public interface HelperProvider {
    /** The helper types this provider offers. */
    List<HelperType> helperTypes();
}
