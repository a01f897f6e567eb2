package org.conex.api;

import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;

/** Minimal behaviors for api tests. */
public final class TestBehaviors {
    private TestBehaviors() {
    }

    /** Any owner, no forward. */
    public static final class Tagged extends Behavior<NetworkObject> {
        public static final BehaviorType TYPE = BehaviorType.builder("Tagged", Tagged::new)
                .param(ParamSpec.of("tag", ParamKind.STRING)).build();

        public Tagged(Params p) {
            super(p);
            if (p.get("tag") != null) {
                addTag(p.string("tag"));
            }
        }

        public static Tagged with(String tag) {
            return (Tagged) TYPE.create(Map.of("tag", tag));
        }
    }

    /** Neuron groups only. */
    public static final class NeuronOnly extends Behavior<NeuronGroup> {
        public static final BehaviorType TYPE = BehaviorType.builder("NeuronOnly", NeuronOnly::new)
                .target(Target.NEURON_GROUP).priority(260).build();

        public NeuronOnly(Params p) {
            super(p);
        }

        @Override
        public void forward(NeuronGroup g) {
        }
    }
}
