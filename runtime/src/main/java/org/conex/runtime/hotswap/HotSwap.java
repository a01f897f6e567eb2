package org.conex.runtime.hotswap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.NeuronGroup;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.BehaviorRegistry.Registration;
import org.conex.runtime.Simulation;
import org.conex.runtime.UnknownProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot-swappable neuron models for one running {@link Simulation} (semantics of osgi.md §4.2).
 * Each bound group has a {@link ModelBinding} that names its model; this class resolves names
 * through the {@link BehaviorRegistry} and follows the registry as providers come and go:
 *
 * <ul>
 *   <li><b>waiting:</b> a group whose model no provider offers is bound anyway and starts at the
 *       first step boundary after a provider registers it;</li>
 *   <li><b>swap:</b> {@link #swap} replaces a group's model at a step boundary, keeping state
 *       variables by name, shape and dtype ({@link MigrationReport});</li>
 *   <li><b>provider lost:</b> the group re-binds to another provider of the same name, else to
 *       its declared fallback, else pauses with its state kept and a message that names the
 *       model, the provider and how to resume; it resumes by itself, state kept, when a provider
 *       of its model returns (a bundle update is a loss followed by a return).</li>
 * </ul>
 * Every change takes the simulation's step lock, so it lands between two steps. The registry
 * calls back synchronously, so when a provider's removal returns no group uses its objects any
 * more (the Declarative Services rule for dynamic references).
 *
 * <p>Nothing here depends on OSGi: on a plain class path the registry is fed by ServiceLoader or
 * by hand, which is how the unit tests drive it.
 */
public final class HotSwap implements AutoCloseable {
    /** Receives every {@link HotSwapEvent}, on the thread that caused it. */
    @FunctionalInterface
    public interface Listener {
        void event(HotSwapEvent event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HotSwap.class);
    private final Simulation sim;
    private final BehaviorRegistry registry;
    private final Map<String, ModelBinding> bindings = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final BehaviorRegistry.Listener onChange = this::providersChanged;
    private final long lockTimeoutMs;

    /** Follows {@code registry} for the groups of {@code sim}; waits up to 30 s for a step to end. */
    public HotSwap(Simulation sim, BehaviorRegistry registry) {
        this(sim, registry, 30_000);
    }

    /** @param lockTimeoutMs how long a change waits for the running step before it gives up */
    public HotSwap(Simulation sim, BehaviorRegistry registry, long lockTimeoutMs) {
        this.sim = sim;
        this.registry = registry;
        this.lockTimeoutMs = lockTimeoutMs;
        registry.addListener(onChange);
    }

    public Simulation simulation() {
        return sim;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Stops following the registry (bindings stay as they are). */
    @Override
    public void close() {
        registry.removeListener(onChange);
    }

    /** Every binding, in the order the groups were bound. */
    public List<ModelBinding> bindings() {
        return locked(() -> List.copyOf(bindings.values()));
    }

    /** The binding of the group tagged {@code group}. */
    public Optional<ModelBinding> binding(String group) {
        return locked(() -> Optional.ofNullable(bindings.get(group)));
    }

    /**
     * Binds {@code group} to {@code model} at {@code priority}: attaches it now if a provider
     * offers it, else the group waits (its {@code spiking_neuron} fires no spikes) until one does.
     *
     * @param fallback model used when the wanted one loses its provider, or null
     * @throws ConexException if the group is already bound or another behavior holds the priority
     */
    public ModelBinding bind(NeuronGroup group, double priority, ModelSpec model, ModelSpec fallback) {
        return locked(() -> {
            if (bindings.containsKey(group.tag())) {
                throw new ConexException("group '" + group.tag() + "' already has a model binding ("
                        + bindings.get(group.tag()).wanted() + "); use swap to change its model");
            }
            Behavior<?> there = group.behaviors().get(priority);
            if (there != null) {
                throw new ConexException("group '" + group.tag() + "' already has " + there.name() + " at priority "
                        + Behavior.formatPriority(priority) + "; a bound model needs its own priority");
            }
            ModelBinding b = new ModelBinding(group, priority, model, fallback);
            bindings.put(group.tag(), b);
            if (!attachBest(b, HotSwapEvent.Kind.STARTED, false)) {
                group.put("spiking_neuron", PausedModel.INSTANCE);
                b.detached(BindingState.WAITING, waitingMessage(b));
                emit(HotSwapEvent.Kind.WAITING, b, model.name(), b.message(), null);
            }
            return b;
        });
    }

    /**
     * Binds {@code group} to {@code model} at the model's default priority.
     *
     * @throws UnknownProviderException if no provider offers the model (its priority is unknown;
     *                                  use {@link #bind(NeuronGroup, double, ModelSpec, ModelSpec)})
     */
    public ModelBinding bind(NeuronGroup group, ModelSpec model) {
        BehaviorType t = registry.require(model.name());
        return bind(group, t.defaultPriority(), model, null);
    }

    /**
     * Takes over the model behavior already attached to {@code group} at {@code priority} (built
     * by a model loader), so it can be swapped and follows its provider from now on.
     */
    public ModelBinding adopt(NeuronGroup group, double priority, ModelSpec fallback) {
        return locked(() -> {
            Behavior<?> there = group.behaviors().get(priority);
            if (there == null || there.type() == null) {
                throw new ConexException("group '" + group.tag() + "' has no typed behavior at priority "
                        + Behavior.formatPriority(priority) + " to adopt (it has " + group.behaviors().values() + ")");
            }
            if (bindings.containsKey(group.tag())) {
                throw new ConexException("group '" + group.tag() + "' already has a model binding");
            }
            ModelSpec spec = new ModelSpec(there.name(), there.params().given());
            ModelBinding b = new ModelBinding(group, priority, spec, fallback);
            b.attached(BindingState.BOUND, spec, there.type(), there, sourceOf(there.type()),
                    group.network().isInitialized() ? null : Set.of());
            bindings.put(group.tag(), b);
            return b;
        });
    }

    /**
     * Swaps the model of {@code group} at the next step boundary and returns once it took effect.
     *
     * @throws ConexException naming the group and the bound groups if it has no binding
     * @throws UnknownProviderException naming the installed behaviors if no provider offers the model
     */
    public MigrationReport swap(String group, ModelSpec model) {
        return locked(() -> {
            ModelBinding b = bindings.get(group);
            if (b == null) {
                throw new ConexException("group '" + group + "' has no model binding (bound groups: "
                        + bindings.keySet() + ")");
            }
            Registration r = best(model.name()).orElseThrow(
                    () -> new UnknownProviderException("model", model.name(), registry.names()));
            MigrationReport report = migrate(b, r, model, BindingState.BOUND);
            b.wanted(model);
            emit(HotSwapEvent.Kind.SWAPPED, b, model.name(), "swapped " + report.describe(), report);
            return report;
        });
    }

    // ------------------------------------------------------------ following the registry

    private void providersChanged(String name) {
        locked(() -> {
            for (ModelBinding b : bindings.values()) {
                try {
                    follow(b, name);
                } catch (RuntimeException e) {
                    LOG.warn("hot-swap of group '{}' after a change of '{}' failed", b.group().tag(), name, e);
                    pause(b, b.current() == null ? b.wanted().name() : b.current().name(),
                            "attaching a replacement failed: " + e.getMessage());
                }
            }
            return null;
        });
    }

    private void follow(ModelBinding b, String name) {
        BindingState s = b.state();
        if (s.running() && b.current().name().equals(name) && lost(b)) {
            handleLoss(b);
        } else if (s == BindingState.FALLBACK && b.wanted().name().equals(name)) {
            attachBest(b, HotSwapEvent.Kind.RESUMED, true);
        } else if (!s.running() && (b.wanted().name().equals(name)
                || b.fallback() != null && b.fallback().name().equals(name))) {
            attachBest(b, s == BindingState.WAITING ? HotSwapEvent.Kind.STARTED : HotSwapEvent.Kind.RESUMED, true);
        }
    }

    private boolean lost(ModelBinding b) {
        BehaviorType t = b.type();
        return registry.registrations(b.current().name()).stream().noneMatch(r -> r.type() == t);
    }

    private void handleLoss(ModelBinding b) {
        String lostModel = b.current().name();
        String lostSource = b.source();
        ClassLoader loader = PluginObjects.pluginLoader(b.behavior());
        Optional<Registration> same = best(lostModel);
        if (same.isPresent()) {
            MigrationReport r = migrate(b, same.get(), b.current(), b.state());
            emit(HotSwapEvent.Kind.REBOUND, b, lostModel, "'" + b.group().tag() + "': provider " + lostSource
                    + " of " + lostModel + " left; re-bound to " + r.source() + ", kept " + r.kept(), r);
        } else if (b.fallback() != null && !b.fallback().name().equals(lostModel)
                && best(b.fallback().name()).isPresent()) {
            MigrationReport r = migrate(b, best(b.fallback().name()).get(), b.fallback(), BindingState.FALLBACK);
            emit(HotSwapEvent.Kind.FALLBACK, b, b.fallback().name(), "'" + b.group().tag() + "': " + lostModel
                    + " from " + lostSource + " is gone; running fallback " + r.describe()
                    + "; it switches back when a provider of " + lostModel + " is installed", r);
        } else {
            pause(b, lostModel, "its provider " + lostSource + " was removed");
        }
        List<String> scrubbed = PluginObjects.scrub(b.group().network(), loader);
        if (!scrubbed.isEmpty()) {
            LOG.info("removed state values defined by the departed provider {}: {}", lostSource, scrubbed);
        }
    }

    /** Attaches the best provider of the wanted model, else of the fallback; false if neither exists. */
    private boolean attachBest(ModelBinding b, HotSwapEvent.Kind kind, boolean announce) {
        Optional<Registration> r = best(b.wanted().name());
        ModelSpec spec = b.wanted();
        BindingState target = BindingState.BOUND;
        if (r.isEmpty() && b.fallback() != null && b.state() != BindingState.FALLBACK) {
            r = best(b.fallback().name());
            spec = b.fallback();
            target = BindingState.FALLBACK;
        }
        if (r.isEmpty()) {
            return false;
        }
        MigrationReport report = migrate(b, r.get(), spec, target);
        if (announce || kind != HotSwapEvent.Kind.STARTED) {
            String verb = kind == HotSwapEvent.Kind.STARTED ? "started" : "resumed";
            emit(kind, b, spec.name(), "'" + b.group().tag() + "' " + verb + " with " + report.describe(), report);
        }
        return true;
    }

    private MigrationReport migrate(ModelBinding b, Registration r, ModelSpec spec, BindingState target) {
        Set<String> old = b.knownFootprint();
        if (old == null && b.type() != null) {
            old = Footprint.probe(b.type(), b.current().params(), b.group(), b.priority());
            if (old.isEmpty()) {
                old = Footprint.probe(r.type(), spec.params(), b.group(), b.priority());
            }
            if (old.isEmpty()) {
                throw new ConexException("cannot tell which variables of '" + b.group().tag() + "' belong to "
                        + b.current().name() + "; swap refused (state would be overwritten)");
            }
        }
        String from = b.current() == null ? "" : b.current().name();
        StateMigration.Result res = StateMigration.replace(b.group(), b.priority(), b.behavior(), from,
                old == null ? Set.of() : old, r.type(), spec.params(), r.source());
        b.attached(target, spec, r.type(), res.behavior(), r.source(), res.footprint());
        return res.report();
    }

    private void pause(ModelBinding b, String model, String why) {
        String source = b.source();
        Set<String> fp = b.knownFootprint();
        if (fp == null && b.type() != null) {
            fp = Footprint.probe(b.type(), b.current().params(), b.group(), b.priority());
            b.attached(b.state(), b.current(), b.type(), b.behavior(), source, fp);
        }
        if (b.behavior() != null) {
            b.group().removeBehavior(b.priority());
        }
        List<String> kept = new ArrayList<>();
        for (String v : b.footprint()) {
            Object value = b.group().get(v);
            if (value instanceof org.nd4j.linalg.api.ndarray.INDArray || value instanceof Number) {
                kept.add(v);
            } else if (value != null) {
                b.group().remove(v);
            }
        }
        b.group().put("spiking_neuron", PausedModel.INSTANCE);
        String msg = "'" + b.group().tag() + "' paused at iteration " + b.group().network().iteration() + ": model "
                + model + (source.isEmpty() ? "" : " (" + source + ")") + " is not available: " + why
                + (b.fallback() != null ? ", and its fallback " + b.fallback().name() + " is not installed either" : "")
                + "; state kept " + kept + ". To resume, install a bundle that provides " + model
                + " (drop its jar into deploy/), or swap the group to an installed model (sim:swap "
                + b.group().tag() + " NAME)";
        b.detached(BindingState.PAUSED, msg);
        emit(HotSwapEvent.Kind.PAUSED, b, model, msg, null);
    }

    private String waitingMessage(ModelBinding b) {
        return "'" + b.group().tag() + "' waits for model " + b.wanted().name()
                + ": no installed provider offers it (installed: " + registry.names() + "); it starts at the next"
                + " step boundary after a bundle providing it is installed (drop its jar into deploy/)";
    }

    private Optional<Registration> best(String name) {
        List<Registration> l = registry.registrations(name);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private String sourceOf(BehaviorType t) {
        return registry.registrations(t.name()).stream().filter(r -> r.type() == t).map(Registration::source)
                .findFirst().orElse("unregistered");
    }

    private void emit(HotSwapEvent.Kind kind, ModelBinding b, String model, String message, MigrationReport r) {
        HotSwapEvent e = new HotSwapEvent(kind, b.group().tag(), model, b.group().network().iteration(), message, r);
        LOG.info("{}", e);
        for (Listener l : listeners) {
            try {
                l.event(e);
            } catch (RuntimeException ex) {
                LOG.warn("hot-swap listener failed", ex);
            }
        }
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        ReentrantLock lock = sim.stepLock();
        try {
            if (!lock.tryLock(lockTimeoutMs, TimeUnit.MILLISECONDS)) {
                throw new ConexException("the simulation did not reach a step boundary within " + lockTimeoutMs
                        + " ms; model change not applied");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConexException("interrupted while waiting for a step boundary");
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
