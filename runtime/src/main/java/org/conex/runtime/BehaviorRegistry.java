package org.conex.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.record.EventRecorder;
import org.conex.api.record.Recorder;

/**
 * Behavior types by registered name. Providers come from {@link ServiceLoader} on a plain class
 * path ({@link #fromClassPath()}) or from the OSGi service registry (the runtime's DS component
 * calls {@link #add}/{@link #remove} as bundles come and go). When several providers offer one
 * name, the highest ranking wins, then the earliest registered; {@link #registrations(String)}
 * shows every candidate so the choice is visible.
 */
public final class BehaviorRegistry implements BehaviorLookup {
    /** One provider's offer of one behavior type. */
    public record Registration(BehaviorType type, String source, int ranking, long order) {
    }

    /** Notified after a name gains or loses a provider. */
    public interface Listener {
        void changed(String name);
    }

    private final Map<String, List<Registration>> byName = new TreeMap<>();
    /** What each provider added, by provider identity: removal takes back exactly these. */
    private final Map<BehaviorProvider, List<Registration>> byProvider = new java.util.IdentityHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long order;

    /** A registry with only the built-in recorders. */
    public BehaviorRegistry() {
        add(() -> List.of(Recorder.TYPE, EventRecorder.TYPE), "conex-api (built-in)", 0);
    }

    /** The built-ins plus every {@link BehaviorProvider} found by ServiceLoader. */
    public static BehaviorRegistry fromClassPath() {
        return fromClassLoader(BehaviorRegistry.class.getClassLoader());
    }

    public static BehaviorRegistry fromClassLoader(ClassLoader loader) {
        BehaviorRegistry r = new BehaviorRegistry();
        for (BehaviorProvider p : ServiceLoader.load(BehaviorProvider.class, loader)) {
            r.add(p, p.getClass().getName(), 0);
        }
        return r;
    }

    /**
     * Adds every type of {@code provider}; {@code source} names it for users (bundle, class). Adding
     * a provider that is already registered adds its types again as a separate offer.
     */
    public void add(BehaviorProvider provider, String source, int ranking) {
        List<String> changed = new ArrayList<>();
        synchronized (this) {
            List<Registration> mine = byProvider.computeIfAbsent(provider, k -> new ArrayList<>());
            for (BehaviorType t : provider.behaviorTypes()) {
                Registration r = new Registration(t, source, ranking, order++);
                mine.add(r);
                List<Registration> l = byName.computeIfAbsent(t.name(), k -> new ArrayList<>());
                l.add(r);
                l.sort(Comparator.comparingInt(Registration::ranking).reversed()
                        .thenComparingLong(Registration::order));
                changed.add(t.name());
            }
        }
        changed.forEach(this::fire);
    }

    /**
     * Removes every offer {@code provider} made, and only those: another provider that offers the
     * same {@link BehaviorType} object keeps its offer. The provider is not asked for its types
     * again (a stopping bundle may no longer answer).
     */
    public void remove(BehaviorProvider provider) {
        List<String> changed = new ArrayList<>();
        synchronized (this) {
            List<Registration> mine = byProvider.remove(provider);
            if (mine == null) {
                return;
            }
            for (Registration r : mine) {
                List<Registration> l = byName.get(r.type().name());
                if (l != null && l.remove(r)) {
                    changed.add(r.type().name());
                    if (l.isEmpty()) {
                        byName.remove(r.type().name());
                    }
                }
            }
        }
        changed.forEach(this::fire);
    }

    private void fire(String name) {
        for (Listener l : listeners) {
            l.changed(name);
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Registered names, sorted. */
    @Override
    public synchronized List<String> names() {
        return List.copyOf(new TreeSet<>(byName.keySet()));
    }

    /** The chosen type for {@code name}, if any provider offers it. */
    @Override
    public synchronized Optional<BehaviorType> find(String name) {
        List<Registration> l = byName.get(name);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0).type());
    }

    /** The chosen type for {@code name}; throws naming the installed behaviors if none. */
    @Override
    public BehaviorType require(String name) {
        return find(name).orElseThrow(() -> new UnknownProviderException("behavior", name, names()));
    }

    /** Every candidate for {@code name}, best first. */
    public synchronized List<Registration> registrations(String name) {
        return List.copyOf(byName.getOrDefault(name, List.of()));
    }

    /** Creates an unattached behavior of the chosen type with validated parameters. */
    public Behavior<?> create(String name, Map<String, ?> params) {
        return require(name).create(params);
    }
}
