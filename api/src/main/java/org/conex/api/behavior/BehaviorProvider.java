package org.conex.api.behavior;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Service provider interface: a plugin publishes behavior types through it. Implementations have a
 * public no-argument constructor and are registered both as an OSGi service (Declarative Services)
 * and in {@code META-INF/services/org.conex.api.behavior.BehaviorProvider}, so the same jar works in
 * Felix and on a plain class path.
 */
@ConsumerType
public interface BehaviorProvider {
    /** The behavior types this provider offers. */
    List<BehaviorType> behaviorTypes();
}
