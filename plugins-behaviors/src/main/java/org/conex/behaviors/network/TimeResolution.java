package org.conex.behaviors.network;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.Network;

/** Sets the network time step {@code dt} (ms, must be &gt; 0). Priority 1, no forward. */
public final class TimeResolution extends Behavior<Network> {
    public static final BehaviorType TYPE = BehaviorType.builder("TimeResolution", TimeResolution::new)
            .priority(1).target(Target.NETWORK)
            .param(ParamSpec.of("dt", ParamKind.NUMBER).withDefault(1.0).greaterThan(0).unit("ms")
                    .doc("simulation time step"))
            .description("sets network.dt")
            .build();

    public TimeResolution(Params params) {
        super(params);
    }

    @Override
    public void initialize(Network net) {
        net.put("dt", params().number("dt"));
    }
}
