package org.conex.examples.izhikevich;

import java.util.Map;
import org.conex.api.behavior.BehaviorType;
import org.conex.testkit.BehaviorContractTest;

/** The test kit's contract (determinism, finite state, initialization, parameter errors). */
class IzhikevichContractTest extends BehaviorContractTest {
    @Override
    protected BehaviorType type() {
        return Izhikevich.TYPE;
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("a", 0.02, "b", 0.2, "c", -65.0, "d", 8.0);
    }

    @Override
    protected Map<Map<String, Object>, String> badParams() {
        return Map.of(Map.of("c", 40.0), "c", Map.of("a", "fast"), "a");
    }
}
