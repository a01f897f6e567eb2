package org.conex.runtime.testkit;

import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.NetworkObject;

/** Test behavior that appends "init:NAME" / "fwd:NAME@t" to a shared log. */
public class Probe extends Behavior<NetworkObject> {
    public static final BehaviorType TYPE = BehaviorType.builder("Probe", Probe::new)
            .param(ParamSpec.of("label", ParamKind.STRING).asRequired())
            .build();
    public static final BehaviorType LAST = BehaviorType.builder("LastProbe", Probe::new)
            .param(ParamSpec.of("label", ParamKind.STRING).asRequired()).initializeLast()
            .build();

    public static List<String> log;

    public Probe(Params p) {
        super(p);
    }

    public static Probe of(String label) {
        return (Probe) TYPE.create(java.util.Map.of("label", label));
    }

    public static Probe last(String label) {
        return (Probe) LAST.create(java.util.Map.of("label", label));
    }

    public String label() {
        return params().string("label");
    }

    @Override
    public void initialize(NetworkObject owner) {
        log.add("init:" + label());
    }

    @Override
    public void forward(NetworkObject owner) {
        log.add("fwd:" + label() + "@" + owner.network().iteration());
    }
}
