package org.conex.runtime.osgi;

import org.conex.api.structure.StructureLookup;
import org.conex.api.structure.StructureProvider;
import org.conex.api.structure.StructureRegistry;
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
 * Feeds a {@link StructureRegistry} from {@link StructureProvider} services (dynamic, greedy,
 * multiple) and publishes it as a {@link StructureLookup} service: the structure counterpart of
 * {@link ProviderTracker} and {@link HelperTracker}. Each type's source names the bundle and version
 * that registered its provider.
 */
@Component(immediate = true, service = {})
public final class StructureTracker {
    private final StructureRegistry registry = new StructureRegistry();
    private ServiceRegistration<StructureLookup> registration;

    @Activate
    void activate(BundleContext context) {
        registration = context.registerService(StructureLookup.class, registry, null);
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
    void addStructures(StructureProvider provider, ServiceReference<StructureProvider> ref) {
        registry.add(provider, ProviderTracker.source(ref));
    }

    void removeStructures(StructureProvider provider) {
        registry.remove(provider);
    }
}
