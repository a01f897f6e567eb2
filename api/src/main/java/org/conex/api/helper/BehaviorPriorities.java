package org.conex.api.helper;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.conex.api.ModelException;
import org.conex.api.behavior.Behavior;

/**
 * CoNeX's {@code prioritize_behaviors}: composes behavior instances into the priority-keyed map an
 * object's {@code behavior} dictionary is, using the CoNeX priority table
 * ({@code conex/nn/priority.py}, {@link #TABLE}). Unlike the reference, two behaviors with one
 * priority are an error instead of the later silently replacing the earlier (ODD-1), and a
 * behavior outside the table may still be used when its {@link org.conex.api.behavior.BehaviorType}
 * declares a default priority or the caller gives one explicitly.
 *
 * <pre>{@code
 * SortedMap<Double, Behavior<?>> m = BehaviorPriorities.prioritize(List.of(lif, fire, axon));
 * // {260.0=LIF, 340.0=Fire, 380.0=NeuronAxon}
 * }</pre>
 */
public final class BehaviorPriorities {
    /** The reference's table: CoNeX class name to priority (behaviors.md section 1.7, exact). */
    public static final Map<String, Integer> TABLE = table();

    private BehaviorPriorities() {
    }

    private static Map<String, Integer> table() {
        Map<String, Integer> t = new LinkedHashMap<>();
        put(t, 1, "TimeResolution");
        put(t, 100, "Payoff");
        put(t, 120, "Dopamine");
        put(t, 2, "SynapseInit");
        put(t, 3, "WeightInitializer");
        put(t, 4, "DelayInitializer");
        put(t, 180, "AveragePool2D", "BaseDendriticInput", "Conv2dDendriticInput", "LateralDendriticInput",
                "Local2dDendriticInput", "One2OneDendriticInput", "SimpleDendriticInput", "SparseDendriticInput");
        put(t, 200, "CurrentNormalization");
        put(t, 220, "SimpleDendriteStructure");
        put(t, 240, "SimpleDendriteComputation");
        put(t, 260, "NeuronDynamic", "LIF", "ELIF", "AELIF");
        put(t, 280, "InherentNoise");
        put(t, 300, "KWTA");
        put(t, 301, "VoltageBaseHomeostasis");
        put(t, 320, "SpikeNdDataset");
        put(t, 340, "Fire", "LocationSetter", "SensorySetter");
        put(t, 341, "ActivityBaseHomeostasis");
        put(t, 380, "NeuronAxon");
        put(t, 420, "PreSpikeCatcher");
        put(t, 440, "PostSpikeCatcher");
        put(t, 460, "PreTrace");
        put(t, 480, "PostTrace");
        put(t, 500, "BaseLearning", "LearningRule", "SimpleSTDP", "SparseSTDP", "One2OneSTDP", "Conv2dSTDP",
                "Local2dSTDP", "SimpleRSTDP", "SparseRSTDP", "One2OneRSTDP", "Conv2dRSTDP", "Local2dRSTDP",
                "SimpleiSTDP", "SparseiSTDP", "One2OneiSTDP");
        put(t, 520, "WeightNormalization");
        put(t, 540, "WeightClip");
        return Collections.unmodifiableMap(t);
    }

    private static void put(Map<String, Integer> t, int priority, String... names) {
        for (String n : names) {
            t.put(n, priority);
        }
    }

    /** The table's priority for a CoNeX class name, if it has one. */
    public static OptionalDouble tablePriority(String behaviorName) {
        Integer p = TABLE.get(behaviorName);
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    /**
     * The priority {@code b} gets without an explicit one: its type's declared default priority
     * (which, for CoNeX behaviors, is the table's number), or the table entry of its name.
     *
     * @throws ModelException if neither exists
     */
    public static double priorityOf(Behavior<?> b) {
        if (b.type() != null) {
            return b.type().defaultPriority();
        }
        return tablePriority(b.name()).orElseThrow(() -> new ModelException("behavior " + b.name()
                + " is not in the CoNeX priority table and has no type with a default priority; give it an"
                + " explicit priority"));
    }

    /** {@link #prioritize(Collection, Map)} without explicit priorities. */
    public static SortedMap<Double, Behavior<?>> prioritize(Collection<? extends Behavior<?>> behaviors) {
        return prioritize(behaviors, Map.of());
    }

    /**
     * The map priority to behavior, ascending (the order they run in).
     *
     * @param behaviors the behaviors of one object, in any order (never null)
     * @param explicit  priorities that replace the default for some of these instances (by identity)
     * @return an unmodifiable sorted map
     * @throws ModelException if two behaviors end up with one priority (naming both and the
     *                        priority), or one has no known priority
     */
    public static SortedMap<Double, Behavior<?>> prioritize(Collection<? extends Behavior<?>> behaviors,
                                                           Map<? extends Behavior<?>, Double> explicit) {
        Map<Behavior<?>, Double> overrides = new IdentityHashMap<>(explicit);
        TreeMap<Double, Behavior<?>> out = new TreeMap<>();
        for (Behavior<?> b : behaviors) {
            Double given = overrides.get(b);
            double p = given != null ? given : priorityOf(b);
            Behavior<?> clash = out.put(p, b);
            if (clash != null) {
                throw new ModelException("behaviors " + clash.name() + " and " + b.name() + " both have priority "
                        + Behavior.formatPriority(p) + "; one object runs one behavior per priority, so give one of"
                        + " them an explicit priority");
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
