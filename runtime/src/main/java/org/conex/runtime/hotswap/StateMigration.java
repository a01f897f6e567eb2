package org.conex.runtime.hotswap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.BehaviorEntry;
import org.conex.api.model.NeuronGroup;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Replaces the model behavior at one priority of a neuron group, carrying state over by name:
 *
 * <ol>
 *   <li>the old model's variables (its footprint) are taken off the group;</li>
 *   <li>the new model is attached at the same priority and initialised on the group (if the
 *       network is initialised; otherwise the simulation initialises it in its normal pass);</li>
 *   <li>for each variable the new model created: an old value of the same name, shape and dtype
 *       (tensors), or any old number (scalars), is copied into the new one: <em>kept</em>; the
 *       rest stay as the new model made them: <em>initialised</em>;</li>
 *   <li>old variables the new model does not create are <em>dropped</em>; object values (such
 *       as {@code spiking_neuron}, the old model itself) are never kept and not reported.</li>
 * </ol>
 * Kept tensors are copied into the new model's arrays rather than substituted, so a model that
 * holds on to the arrays it created during {@code initialize} stays consistent. A new model whose
 * initialisation reads a carried variable sees the fresh value, not the kept one.
 *
 * <p>Callers hold the simulation's step lock.
 */
final class StateMigration {
    private static final String NEURON = "spiking_neuron";

    private StateMigration() {
    }

    /** The attached instance, its footprint (null before network initialisation) and the report. */
    record Result(Behavior<?> behavior, Set<String> footprint, MigrationReport report) {
    }

    /**
     * @param group       the neuron group
     * @param priority    priority of the model on the group
     * @param old         the attached model behavior, or null (waiting or paused group)
     * @param oldModel    name of the previous model for the report ("" if none)
     * @param oldFootprint variables of the previous model still on the group (may be empty)
     * @param type        the new model's type
     * @param params      raw parameters of the new model
     * @param source      provider of the new model, for the report
     */
    static Result replace(NeuronGroup group, double priority, Behavior<?> old, String oldModel, Set<String> oldFootprint,
                          BehaviorType type, Map<String, Object> params, String source) {
        Behavior<?> fresh = type.create(params);
        boolean live = group.network().isInitialized();
        Map<String, Object> saved = new LinkedHashMap<>();
        if (live) {
            for (String name : oldFootprint) {
                if (group.has(name)) {
                    saved.put(name, group.remove(name));
                }
            }
        }
        if (old != null) {
            group.removeBehavior(priority);
        }
        group.addBehavior(priority, fresh);
        if (!live) {
            return new Result(fresh, null, new MigrationReport(group.tag(), oldModel, type.name(), source, List.of(),
                    List.of(), List.of()));
        }
        if (group.get(NEURON) instanceof PausedModel) {
            group.remove(NEURON);
        }
        Set<String> before = new LinkedHashSet<>(group.variables());
        try {
            initialize(fresh, group);
        } catch (RuntimeException e) {
            group.removeBehavior(priority);
            saved.forEach(group::put);
            throw new ConexException("cannot attach " + type.name() + " to '" + group.tag() + "': " + e.getMessage(), e);
        }
        markInitialized(group, fresh);
        if (!group.has(NEURON)) {
            group.put(NEURON, PausedModel.INSTANCE);
        }
        Set<String> created = new LinkedHashSet<>(group.variables());
        created.removeAll(before);
        List<String> kept = new ArrayList<>();
        List<String> initialised = new ArrayList<>();
        for (String name : created) {
            if (carryOver(group, name, saved.get(name))) {
                kept.add(name);
            } else if (isState(group.get(name))) {
                initialised.add(name);
            }
        }
        List<String> dropped = new ArrayList<>();
        for (String name : saved.keySet()) {
            if (!created.contains(name) && isState(saved.get(name))) {
                dropped.add(name);
            }
        }
        return new Result(fresh, created, new MigrationReport(group.tag(), oldModel, type.name(), source, kept,
                initialised, dropped));
    }

    @SuppressWarnings("unchecked")
    private static void initialize(Behavior<?> b, NeuronGroup g) {
        ((Behavior<NeuronGroup>) b).initialize(g);
    }

    /** Tells the simulation that {@code b} is already initialised (it must not run it again). */
    private static void markInitialized(NeuronGroup g, Behavior<?> b) {
        for (BehaviorEntry e : g.network().schedule()) {
            if (e.behavior() == b) {
                e.markInitialized();
            }
        }
    }

    /** Tensors and numbers are state; object values (the model itself, helpers) are wiring. */
    private static boolean isState(Object value) {
        return value instanceof INDArray || value instanceof Number;
    }

    private static boolean carryOver(NeuronGroup g, String name, Object old) {
        Object now = g.get(name);
        if (old instanceof INDArray && now instanceof INDArray) {
            INDArray o = (INDArray) old;
            INDArray n = (INDArray) now;
            if (o.dataType() == n.dataType() && Arrays.equals(o.shape(), n.shape())) {
                n.assign(o);
                return true;
            }
            return false;
        }
        if (old instanceof Number && now instanceof Number) {
            g.put(name, old);
            return true;
        }
        return false;
    }
}
