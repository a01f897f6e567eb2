package org.conex.runtime.osgi;

import java.util.Dictionary;
import java.util.Hashtable;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.runtime.BehaviorRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Feeds the platform's {@link BehaviorRegistry} from the OSGi service registry and publishes it
 * as a service. Every {@link BehaviorProvider} service (dynamic, greedy, multiple) is added with
 * its {@code service.ranking} and a source naming its bundle and version, e.g.
 * {@code org.conex.behaviors 0.1.0.SNAPSHOT}; when the service goes away its types are removed.
 * Removal calls the registry's listeners synchronously (the hot-swap runtime re-binds or pauses
 * the groups that used it), so when {@link #removeProvider} returns nothing uses the departing
 * provider any more, as Declarative Services requires.
 */
@Component(immediate = true, service = {})
public final class ProviderTracker {
    private final BehaviorRegistry registry = new BehaviorRegistry();
    private ServiceRegistration<BehaviorRegistry> registration;

    /** Publishes the registry (providers already bound are in it). */
    @Activate
    void activate(BundleContext context) {
        Nd4jBootstrap.ensure();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_DESCRIPTION, "CoNeX behavior registry fed by BehaviorProvider services");
        registration = context.registerService(BehaviorRegistry.class, registry, props);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** The registry this component feeds. */
    public BehaviorRegistry registry() {
        return registry;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(BehaviorProvider provider, ServiceReference<BehaviorProvider> ref) {
        registry.add(provider, source(ref), ranking(ref));
    }

    void removeProvider(BehaviorProvider provider) {
        registry.remove(provider);
    }

    /** A changed {@code service.ranking} re-orders the provider's registrations. */
    void updatedProvider(BehaviorProvider provider, ServiceReference<BehaviorProvider> ref) {
        registry.remove(provider);
        registry.add(provider, source(ref), ranking(ref));
    }

    /** {@code <symbolic name> <version>} of the bundle that registered the service. */
    static String source(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "unregistered" : b.getSymbolicName() + " " + b.getVersion();
    }

    static int ranking(ServiceReference<?> ref) {
        Object r = ref.getProperty(Constants.SERVICE_RANKING);
        return r instanceof Integer ? (Integer) r : 0;
    }
}
