package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.AxonHistory;

/**
 * Spike history for delayed read-out (priority 380). Each step it pushes the group's current
 * {@code spikes} into a per-group ring buffer of {@code max_delay} rows, stored as an
 * {@link AxonHistory} under the group variable {@code axon}. The spike catchers (420/440) then
 * read {@code axon.spiked(d, i)}: d = 0 is this step's spike, d the spike of d steps ago.
 *
 * <p>Parameters: {@code max_delay} (steps, integer &gt;= 1, default 1: number of kept rows; valid
 * delays are 0 .. max_delay-1); {@code proximal_min_delay}, {@code distal_min_delay},
 * {@code apical_min_delay} (integers &gt;= 0, default 0): accepted for compatibility, unused (as in
 * the reference). Unlike the reference, the history belongs to the group, not to the behavior.
 */
public final class NeuronAxon extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("NeuronAxon", NeuronAxon::new)
            .priority(380).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("max_delay", ParamKind.INTEGER).withDefault(1).atLeast(1).unit("steps")
                            .doc("number of kept history rows (delays 0 .. max_delay-1)"),
                    ParamSpec.of("proximal_min_delay", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("unused, kept for compatibility"),
                    ParamSpec.of("distal_min_delay", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("unused, kept for compatibility"),
                    ParamSpec.of("apical_min_delay", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("unused, kept for compatibility"))
            .description("keeps the last max_delay spike vectors for delayed read-out (group variable 'axon')")
            .build();

    private final BoolView spikes = new BoolView("spikes");
    private SpikeHistory history;

    public NeuronAxon(Params params) {
        super(params);
    }

    /** Creates the all-false history and stores it as {@code axon}. */
    @Override
    public void initialize(NeuronGroup g) {
        history = new SpikeHistory(g.tag(), params().integer("max_delay"), g.size());
        g.put("axon", history);
    }

    /** Pushes a copy of {@code spikes}; the oldest row falls off. */
    @Override
    public void forward(NeuronGroup g) {
        ByteBuffer s = spikes.of(g);
        if (s.capacity() != g.size()) {
            throw error("'spikes' has " + s.capacity() + " values, the group has " + g.size() + " neurons");
        }
        history.push(s);
    }
}
