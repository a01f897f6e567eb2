package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Activity homeostasis by threshold adaptation (priority 341, right after Fire). Each step every
 * neuron's {@code activities} gains 1 if it spiked and {@code penalty = -activity_rate /
 * (window_size - activity_rate)} otherwise; when {@code iteration % window_size == 0} (iterations
 * count from 1, so the first update is at t = window_size) {@code threshold += updating_rate *
 * activities}, activities restart at 0 and {@code updating_rate *= decay_rate}. A neuron that
 * fires exactly activity_rate times per window keeps its threshold; more spikes raise it.
 *
 * <p>Parameters: {@code activity_rate} (expected spikes per window, 0 &lt;= rate &lt;
 * window_size), {@code window_size} (steps, &gt;= 1), {@code updating_rate} (mV per unit of
 * activity), {@code decay_rate} (default 1). Reads {@code spikes} (bool[N]); writes the per-neuron
 * {@code threshold} (float[N]); creates {@code activities} (float[N]).
 *
 * <p>The decaying updating rate is state of this behavior ({@link Checkpointable}: key
 * {@value #UPDATING_RATE}, a DOUBLE {@code [1]} holding the exact value), so a resumed run
 * continues with the decayed rate, not the initial one.
 */
public final class ActivityBaseHomeostasis extends Behavior<NeuronGroup> implements Checkpointable {
    /** The checkpoint key of the current updating rate. */
    static final String UPDATING_RATE = "updating_rate";

    public static final BehaviorType TYPE = BehaviorType.builder("ActivityBaseHomeostasis",
                    ActivityBaseHomeostasis::new)
            .priority(341).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("activity_rate", ParamKind.NUMBER).asRequired().atLeast(0)
                            .doc("expected number of spikes per window"),
                    ParamSpec.of("window_size", ParamKind.INTEGER).asRequired().atLeast(1).unit("steps")
                            .doc("steps between threshold updates"),
                    ParamSpec.of("updating_rate", ParamKind.NUMBER).asRequired().unit("mV")
                            .doc("threshold change per unit of activity"),
                    ParamSpec.of("decay_rate", ParamKind.NUMBER).withDefault(1.0)
                            .doc("multiplies updating_rate after each update"))
            .description("moves each threshold towards a target spike count per window")
            .build();

    private final BoolView spikes = new BoolView("spikes");
    private final int window;
    private final double penalty;
    private final double decay;
    private double updatingRate;

    /** @throws ParameterException if {@code activity_rate >= window_size} */
    public ActivityBaseHomeostasis(Params params) {
        super(params);
        double rate = params.number("activity_rate");
        window = params.integer("window_size");
        if (rate >= window) {
            throw new ParameterException(params.component(), "activity_rate",
                    "smaller than window_size = " + window + " (spikes per window)", rate);
        }
        penalty = -rate / (window - rate);
        updatingRate = params.number("updating_rate");
        decay = params.number("decay_rate");
    }

    @Override
    public void initialize(NeuronGroup g) {
        g.put("activities", Tensors.zeros(g.network().dtype().nd4j(), g.size()));
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec act = g.vec("activities");
        ByteBuffer s = spikes.of(g);
        double miss = act.round(penalty);
        int n = act.length();
        if (s.capacity() != n) {
            throw error("'spikes' has " + s.capacity() + " values, the group has " + n + " neurons");
        }
        for (int k = 0; k < n; k++) {
            act.set(k, act.get(k) + (s.get(k) != 0 ? 1.0 : miss));
        }
        if (g.network().iteration() % window == 0) {
            Vec th = g.vec("threshold");
            double rate = act.round(updatingRate);
            for (int k = 0; k < n; k++) {
                th.set(k, th.get(k) + act.round(act.get(k) * rate));
                act.set(k, 0.0);
            }
            updatingRate *= decay;
        }
    }

    /** The updating rate the next window will use (mV per unit of activity). */
    public double updatingRate() {
        return updatingRate;
    }

    /** The current (decayed) updating rate as DOUBLE {@code [1]}. */
    @Override
    public Map<String, INDArray> saveState() {
        return Map.of(UPDATING_RATE, Tensors.of(DType.FLOAT64, new double[] {updatingRate}, 1));
    }

    /**
     * Restores the updating rate saved by {@link #saveState}.
     *
     * @throws IllegalArgumentException unless the state is exactly {@value #UPDATING_RATE} as DOUBLE {@code [1]}
     */
    @Override
    public void restoreState(Map<String, INDArray> state) {
        updatingRate = new SavedState(SavedState.holder(this), state, Set.of(UPDATING_RATE))
                .get(UPDATING_RATE, DataType.DOUBLE, "the updating rate", 1).getDouble(0);
    }
}
