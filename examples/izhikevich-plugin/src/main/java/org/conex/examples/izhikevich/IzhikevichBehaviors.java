package org.conex.examples.izhikevich;

import java.util.List;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes the plugin's behavior types. {@code @Component} makes it a Declarative Services
 * component (found when the bundle is installed in the platform); the file
 * {@code META-INF/services/org.conex.api.behavior.BehaviorProvider} makes it visible to
 * {@code ServiceLoader} on a plain class path (tests, embedding).
 */
@Component(service = BehaviorProvider.class)
public final class IzhikevichBehaviors implements BehaviorProvider {
    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(Izhikevich.TYPE);
    }
}
