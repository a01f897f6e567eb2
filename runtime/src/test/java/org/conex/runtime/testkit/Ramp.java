package org.conex.runtime.testkit;

import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;

/** Test behavior: v starts at {@code start} and grows by {@code slope} per step (float32). */
public class Ramp extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("Ramp", Ramp::new)
            .priority(10).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("slope", ParamKind.NUMBER).withDefault(1.0),
                    ParamSpec.of("start", ParamKind.NUMBER).withDefault(0.0))
            .build();

    /** Offers Ramp to the runtime tests' class-path registry. */
    public static final class Provider implements BehaviorProvider {
        @Override
        public List<BehaviorType> behaviorTypes() {
            return List.of(TYPE);
        }
    }

    public Ramp(Params p) {
        super(p);
    }

    @Override
    public void initialize(NeuronGroup g) {
        g.put("v", Tensors.zeros(g.network().dtype().nd4j(), g.size()).addi(params().number("start")));
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        double s = v.round(params().number("slope"));
        for (int i = 0; i < v.length(); i++) {
            v.set(i, v.get(i) + s);
        }
    }
}
