package org.conex.cli;

import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;

/** Test behaviors that misbehave on purpose: one throws at a given step, one writes NaN into v, one
 * does so only in the first network it runs in (not reproducible by a replay). */
final class FaultBehaviors implements BehaviorProvider {
    static final BehaviorType THROW_AT = BehaviorType.builder("ThrowAt", ThrowAt::new).priority(290)
            .target(Target.NEURON_GROUP).param(ParamSpec.of("step", ParamKind.INTEGER).asRequired().atLeast(1))
            .build();
    static final BehaviorType NAN_AT = BehaviorType.builder("NanAt", NanAt::new).priority(291)
            .target(Target.NEURON_GROUP).param(ParamSpec.of("step", ParamKind.INTEGER).asRequired().atLeast(1))
            .build();

    /** Writes NaN at the given step of the first network it runs in only: a replay does not reproduce it. */
    static final BehaviorType NAN_ONCE = BehaviorType.builder("NanOnce", NanOnce::new).priority(292)
            .target(Target.NEURON_GROUP).param(ParamSpec.of("step", ParamKind.INTEGER).asRequired().atLeast(1))
            .build();
    static final java.util.concurrent.atomic.AtomicBoolean NAN_ONCE_FIRED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Records a model warning at the given step (a behavior that notices something during the run). */
    static final BehaviorType WARN_AT = BehaviorType.builder("WarnAt", WarnAt::new).priority(293)
            .target(Target.NEURON_GROUP).param(ParamSpec.of("step", ParamKind.INTEGER).asRequired().atLeast(1))
            .build();

    @Override
    public List<BehaviorType> behaviorTypes() {
        return List.of(THROW_AT, NAN_AT, NAN_ONCE, WARN_AT);
    }

    static final class WarnAt extends Behavior<NeuronGroup> {
        WarnAt(Params p) {
            super(p);
        }

        @Override
        public void forward(NeuronGroup g) {
            if (g.network().iteration() == params().integer("step")) {
                warn("something to look at");
            }
        }
    }

    static final class NanOnce extends Behavior<NeuronGroup> {
        NanOnce(Params p) {
            super(p);
        }

        @Override
        public void forward(NeuronGroup g) {
            if (g.network().iteration() == params().integer("step") && NAN_ONCE_FIRED.compareAndSet(false, true)) {
                g.vec("v").set(3, Double.NaN);
            }
        }
    }

    static final class ThrowAt extends Behavior<NeuronGroup> {
        ThrowAt(Params p) {
            super(p);
        }

        @Override
        public void forward(NeuronGroup g) {
            if (g.network().iteration() == params().integer("step")) {
                throw new IllegalStateException("index 12 out of bounds for length 10");
            }
        }
    }

    static final class NanAt extends Behavior<NeuronGroup> {
        NanAt(Params p) {
            super(p);
        }

        @Override
        public void forward(NeuronGroup g) {
            if (g.network().iteration() == params().integer("step")) {
                g.vec("v").set(3, Double.NaN);
            }
        }
    }
}
