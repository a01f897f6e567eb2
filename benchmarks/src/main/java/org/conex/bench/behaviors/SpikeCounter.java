package org.conex.bench.behaviors;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Counts the spikes of a group (default priority 1000, after everything else): each step adds the
 * number of set {@code spikes} to {@code spike_count} (long[1]), for the benchmarks' deterministic
 * summaries. Costs one branch-free word scan of the N spike bytes per step ({@link Kernels#countSpikes}).
 */
public final class SpikeCounter extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("SpikeCounter", SpikeCounter::new)
            .priority(1000).target(Target.NEURON_GROUP)
            .description("spike_count += number of spikes this step")
            .build();

    private ByteBuffer spikes;
    private LongBuffer count;

    public SpikeCounter(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        if (!g.has("spikes")) {
            throw error("needs 'spikes' from a behavior with a lower priority on the same group");
        }
        g.put("spike_count", Tensors.zeros(DataType.LONG, 1));
        count = Views.longs(g.array("spike_count"));
    }

    @Override
    public void forward(NeuronGroup g) {
        if (spikes == null) {
            spikes = Views.bools(g.array("spikes"));
        }
        count.put(0, count.get(0) + Kernels.countSpikes(spikes, spikes.capacity()));
    }
}
