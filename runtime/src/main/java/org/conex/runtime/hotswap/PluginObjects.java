package org.conex.runtime.hotswap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;

/**
 * Finds and removes state values that are instances of a departing plugin's classes (for example
 * the {@code spiking_neuron} variable, which holds the model behavior itself). A value left on a
 * group would keep the plugin's class loader, and with it every class of the bundle, alive after
 * the bundle is uninstalled.
 *
 * <p>On a flat class path every class shares one loader; there the scrub does nothing, because
 * it cannot tell plugin objects from the runtime's own.
 */
final class PluginObjects {
    private PluginObjects() {
    }

    /** The loader that defined the classes of {@code type}'s instances, or null if it is the platform's own. */
    static ClassLoader pluginLoader(Behavior<?> sample) {
        if (sample == null) {
            return null;
        }
        ClassLoader l = sample.getClass().getClassLoader();
        if (l == null || l == Behavior.class.getClassLoader() || l == PluginObjects.class.getClassLoader()) {
            return null;
        }
        return l;
    }

    /**
     * Removes every variable of every object of {@code net} whose value was defined by
     * {@code loader}, except behaviors still attached somewhere in the network (a replacement from
     * the same bundle); returns them as {@code tag.variable}.
     */
    static List<String> scrub(Network net, ClassLoader loader) {
        List<String> removed = new ArrayList<>();
        if (loader == null) {
            return removed;
        }
        Set<Object> attached = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NetworkObject o : net.allObjects()) {
            attached.addAll(o.behaviors().values());
        }
        for (NetworkObject o : net.allObjects()) {
            for (String v : o.variables()) {
                Object value = o.get(v);
                if (value != null && value.getClass().getClassLoader() == loader && !attached.contains(value)) {
                    o.remove(v);
                    removed.add(o.tag() + "." + v);
                }
            }
        }
        return removed;
    }
}
