package org.conex.api.helper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.conex.api.ConexException;

/**
 * Helper types by registered name, collected from {@link HelperProvider}s: found by
 * {@link ServiceLoader} on a class path ({@link #fromClassPath()}), or added and removed by the
 * OSGi runtime as bundles come and go. A name offered by two providers is rejected, naming both.
 * Thread-safe.
 */
public final class HelperRegistry implements HelperLookup {
    private record Entry(HelperType type, String source) {
    }

    private final Map<String, Entry> byName = new TreeMap<>();
    private final Map<HelperProvider, List<String>> byProvider = new LinkedHashMap<>();

    /** An empty registry. */
    public HelperRegistry() {
    }

    /** Every provider visible to this class's loader. */
    public static HelperRegistry fromClassPath() {
        return fromClassLoader(HelperRegistry.class.getClassLoader());
    }

    /** Every provider {@link ServiceLoader} finds through {@code loader}. */
    public static HelperRegistry fromClassLoader(ClassLoader loader) {
        HelperRegistry r = new HelperRegistry();
        for (HelperProvider p : ServiceLoader.load(HelperProvider.class, loader)) {
            r.add(p, p.getClass().getName());
        }
        return r;
    }

    /**
     * Adds every type of {@code provider}; {@code source} names it in messages (bundle, class).
     *
     * @throws ConexException if a name is already registered (nothing is added then)
     */
    public synchronized void add(HelperProvider provider, String source) {
        List<HelperType> types = provider.helperTypes();
        List<String> names = new ArrayList<>();
        for (HelperType t : types) {
            Entry old = byName.get(t.name());
            if (old != null || names.contains(t.name())) {
                throw new ConexException("helper '" + t.name() + "' from " + source + " is already registered by "
                        + (old == null ? source : old.source()));
            }
            names.add(t.name());
        }
        for (HelperType t : types) {
            byName.put(t.name(), new Entry(t, source));
        }
        byProvider.put(provider, names);
    }

    /** Removes every type {@code provider} added. */
    public synchronized void remove(HelperProvider provider) {
        List<String> names = byProvider.remove(provider);
        if (names != null) {
            names.forEach(byName::remove);
        }
    }

    @Override
    public synchronized Optional<HelperType> find(String name) {
        Entry e = byName.get(name);
        return e == null ? Optional.empty() : Optional.of(e.type());
    }

    @Override
    public synchronized List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The names of one kind, sorted. */
    public synchronized List<String> names(HelperKind kind) {
        return byName.values().stream().filter(e -> e.type().kind() == kind).map(e -> e.type().name()).toList();
    }

    /** Which provider registered {@code name} (for diagnostics). */
    public synchronized Optional<String> source(String name) {
        Entry e = byName.get(name);
        return e == null ? Optional.empty() : Optional.of(e.source());
    }
}
