package org.conex.runtime.osgi;

import org.conex.api.helper.HelperProvider;
import org.conex.api.helper.HelperRegistry;
import org.osgi.framework.BundleContext;
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
 * Feeds a {@link HelperRegistry} (encoders, filters, masks, transforms, datasets) from
 * {@link HelperProvider} services (dynamic, greedy, multiple) and publishes it as a service, the
 * helper counterpart of {@link ProviderTracker}. The source of each helper names the bundle and
 * version that registered its provider.
 */
@Component(immediate = true, service = {})
public final class HelperTracker {
    private final HelperRegistry registry = new HelperRegistry();
    private ServiceRegistration<HelperRegistry> registration;

    @Activate
    void activate(BundleContext context) {
        registration = context.registerService(HelperRegistry.class, registry, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHelpers(HelperProvider provider, ServiceReference<HelperProvider> ref) {
        registry.add(provider, ProviderTracker.source(ref));
    }

    void removeHelpers(HelperProvider provider) {
        registry.remove(provider);
    }
}
