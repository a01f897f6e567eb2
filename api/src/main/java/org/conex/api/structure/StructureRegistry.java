package org.conex.api.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.conex.api.ConexException;

/**
 * Structure types by registered name, from {@link StructureProvider}s (found by
 * {@link ServiceLoader} on a plain class path, or added and removed by the platform as bundles
 * come and go). The first provider to register a name keeps it; a later provider offering the
 * same name is recorded as a candidate and takes over only when the first is removed.
 */
public final class StructureRegistry implements StructureLookup {
    /** One provider's offer of one type; compared by provider identity, not by type. */
    private record Entry(StructureType type, String source, StructureProvider provider) {
    }

    private final Map<String, List<Entry>> byName = new TreeMap<>();
    private final Map<StructureProvider, String> providers = new LinkedHashMap<>();

    /** An empty registry. */
    public StructureRegistry() {
    }

    /** A registry of every provider visible to this class's loader. */
    public static StructureRegistry fromClassPath() {
        return fromClassLoader(StructureRegistry.class.getClassLoader());
    }

    /** A registry of every provider {@code loader} finds. */
    public static StructureRegistry fromClassLoader(ClassLoader loader) {
        StructureRegistry r = new StructureRegistry();
        for (StructureProvider p : ServiceLoader.load(StructureProvider.class, loader)) {
            r.add(p, p.getClass().getName());
        }
        return r;
    }

    /** A registry of the given providers (tests, embedding). */
    public static StructureRegistry of(StructureProvider... ps) {
        StructureRegistry r = new StructureRegistry();
        for (StructureProvider p : ps) {
            r.add(p, p.getClass().getName());
        }
        return r;
    }

    /** Adds every type of {@code provider}; {@code source} names it in messages. */
    public synchronized void add(StructureProvider provider, String source) {
        if (providers.containsKey(provider)) {
            throw new ConexException("structure provider " + source + " is already registered");
        }
        providers.put(provider, source);
        for (StructureType t : provider.structureTypes()) {
            byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Entry(t, source, provider));
        }
    }

    /**
     * Removes every offer {@code provider} made, and only those (another provider offering the same
     * type object keeps its offer); the provider is not asked for its types again.
     */
    public synchronized void remove(StructureProvider provider) {
        if (providers.remove(provider) == null) {
            return;
        }
        byName.values().forEach(l -> l.removeIf(e -> e.provider() == provider));
        byName.values().removeIf(List::isEmpty);
    }

    @Override
    public synchronized Optional<StructureType> find(String name) {
        List<Entry> l = byName.get(name);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0).type());
    }

    @Override
    public synchronized List<String> names() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public synchronized List<String> providers() {
        return List.copyOf(providers.values());
    }
}
