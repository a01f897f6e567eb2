package org.conex.behaviors.learning;

import java.util.Arrays;
import java.util.function.Function;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Base of every synaptic learning rule (priority 500, attached to a synapse group). Every type
 * built with {@link #typeBuilder} carries the tag {@value #TAG}, so
 * {@code network.setBehaviorsEnabled("weight_learning", false)} freezes all plasticity at once
 * (a disabled rule keeps its state, e.g. the eligibility trace, and skips its forward).
 *
 * <p>Subclasses read the synapse's spikes and traces through {@link #inputs} and update
 * {@code synapse.weights} in place. The weight accessors below check the layout once and again
 * only when the weights are replaced by another array.
 */
public abstract class LearningRule extends Behavior<SynapseGroup> {
    /** The tag shared by all learning rules. */
    public static final String TAG = "weight_learning";
    /** The CoNeX priority of learning rules (after the traces at 460/480). */
    public static final double PRIORITY = 500;

    /** The spikes and traces this rule reads; checked at initialize, refreshed each forward. */
    protected final LearningInputs inputs = new LearningInputs(this);

    private Object checkedWeights;
    private Vec weightView;

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

    /**
     * The dense {@code [N_src, N_dst]} weights (SxD mode) as a flat row-major view: entry
     * {@code (i, j)} is at {@code i * N_dst + j}.
     *
     * @throws org.conex.api.ModelException if the network is in DxS mode or the weights are not a
     *         dense floating matrix of that shape
     */
    protected final Vec denseWeights(SynapseGroup syn) {
        Object o = syn.get("weights");
        if (o != checkedWeights) {
            if (syn.network().synapseMode() != SynapseMode.SxD) {
                throw error("needs a network in SxD mode (weights [N_src, N_dst]), found "
                        + syn.network().synapseMode());
            }
            INDArray w = weightArray(syn, o, "a dense [" + syn.src().size() + ", " + syn.dst().size() + "] matrix");
            long[] want = {syn.src().size(), syn.dst().size()};
            if (!Arrays.equals(w.shape(), want)) {
                throw error("'weights' must have shape " + Arrays.toString(want) + " [N_src, N_dst], found "
                        + Arrays.toString(w.shape()));
            }
            checkedWeights = o;
        }
        return view(syn);
    }

    /**
     * The one-to-one weights: a vector of {@code N} elements with {@code N_src == N_dst == N}.
     *
     * @throws org.conex.api.ModelException on a size mismatch or non-vector weights
     */
    protected final Vec vectorWeights(SynapseGroup syn) {
        Object o = syn.get("weights");
        if (o != checkedWeights) {
            int n = syn.src().size();
            if (syn.dst().size() != n) {
                throw error("a one-to-one rule needs equally sized groups, found " + n + " sources and "
                        + syn.dst().size() + " destinations");
            }
            INDArray w = weightArray(syn, o, "a vector of " + n + " weights");
            if (w.rank() != 1 || w.length() != n) {
                throw error("'weights' must be a vector of " + n + " elements (one per pair), found shape "
                        + Arrays.toString(w.shape()));
            }
            checkedWeights = o;
        }
        return view(syn);
    }

    /**
     * The sparse {@code N_src x N_dst} weights.
     *
     * @throws org.conex.api.ModelException if the weights are not a {@link SparseWeights} of that size
     */
    protected final SparseWeights sparseWeights(SynapseGroup syn) {
        Object o = syn.get("weights");
        if (o != checkedWeights) {
            if (!(o instanceof SparseWeights)) {
                throw error("needs sparse weights (a SparseWeights under 'weights'), found "
                        + (o == null ? "no 'weights' variable" : o.getClass().getSimpleName())
                        + "; use the dense or one-to-one variant of this rule for other weights");
            }
            SparseWeights w = (SparseWeights) o;
            if (w.rows() != syn.src().size() || w.cols() != syn.dst().size()) {
                throw error("sparse weights are " + w.rows() + "x" + w.cols() + ", expected " + syn.src().size() + "x"
                        + syn.dst().size() + " [N_src, N_dst]");
            }
            weightView = Vec.of(w.values());
            checkedWeights = o;
        }
        return (SparseWeights) o;
    }

    /** The view of the sparse values of the weights last returned by {@link #sparseWeights}. */
    protected final Vec sparseValues() {
        return weightView;
    }

    private INDArray weightArray(SynapseGroup syn, Object o, String expected) {
        if (!(o instanceof INDArray)) {
            throw error("needs 'weights' as " + expected + ", found "
                    + (o == null ? "no 'weights' variable (is a WeightInitializer attached?)"
                                 : o.getClass().getSimpleName()));
        }
        INDArray w = (INDArray) o;
        if (!w.dataType().isFPType()) {
            throw error("'weights' must be floating point, found " + w.dataType());
        }
        return w;
    }

    private Vec view(SynapseGroup syn) {
        Vec v = syn.vec("weights");
        weightView = v;
        return v;
    }
}
