package org.conex.behaviors.learning;

import java.util.function.Function;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.SynapseGroup;

/**
 * Base of every synaptic learning rule (priority 500, attached to a synapse group). Every type
 * built with {@link #typeBuilder} carries the tag {@value #TAG}, so
 * {@code network.setBehaviorsEnabled("weight_learning", false)} freezes all plasticity at once
 * (a disabled rule keeps its state, e.g. the eligibility trace, and skips its forward).
 *
 * <p>Subclasses read the synapse's spikes and traces through a {@link LearningInputs} and update
 * {@code synapse.weights} in place.
 */
public abstract class LearningRule extends Behavior<SynapseGroup> {
    /** The tag shared by all learning rules. */
    public static final String TAG = "weight_learning";
    /** The CoNeX priority of learning rules (after the traces at 460/480). */
    public static final double PRIORITY = 500;

    /** The spikes and traces this rule reads; bound at initialize. */
    protected final LearningInputs inputs = new LearningInputs(this);

    protected LearningRule(Params params) {
        super(params);
    }

    /**
     * A type builder preset for a learning rule: priority 500, synapse-group target and the
     * {@value #TAG} tag. Add parameters and a description, then build.
     */
    public static BehaviorType.Builder typeBuilder(String name, Function<Params, ? extends Behavior<?>> factory) {
        return BehaviorType.builder(name, factory).priority(PRIORITY).target(Target.SYNAPSE_GROUP).tag(TAG);
    }

    /** Checks that the traces exist and the spike catchers are attached (see {@link LearningInputs#check}). */
    @Override
    public void initialize(SynapseGroup syn) {
        inputs.check(syn);
    }
}
