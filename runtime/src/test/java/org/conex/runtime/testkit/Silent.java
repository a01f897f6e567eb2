package org.conex.runtime.testkit;

import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.NetworkObject;

/** Test behavior without a forward: initialised but never scheduled. */
public class Silent extends Behavior<NetworkObject> {
    public static final BehaviorType TYPE = BehaviorType.builder("Silent", Silent::new)
            .param(ParamSpec.of("label", ParamKind.STRING).asRequired())
            .build();

    public Silent(Params p) {
        super(p);
    }

    public static Silent of(String label) {
        return (Silent) TYPE.create(Map.of("label", label));
    }

    @Override
    public void initialize(NetworkObject owner) {
        Probe.log.add("init:" + params().string("label"));
    }
}
