package org.conex.behaviors.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.behavior.BehaviorType;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;

/** The synapse and dendrite types are found by their CoNeX names with the reference priorities. */
class SynapseProvidersTest {
    @Test
    void registeredWithReferencePriorities() {
        BehaviorRegistry registry = BehaviorRegistry.fromClassPath();
        Map<String, Integer> priorities = Map.ofEntries(Map.entry("SynapseInit", 2), Map.entry("WeightInitializer", 3),
                Map.entry("DelayInitializer", 4), Map.entry("SimpleDendriticInput", 180),
                Map.entry("One2OneDendriticInput", 180), Map.entry("SparseDendriticInput", 180),
                Map.entry("CurrentNormalization", 200), Map.entry("PreSpikeCatcher", 420),
                Map.entry("PostSpikeCatcher", 440), Map.entry("PreTrace", 460), Map.entry("PostTrace", 480),
                Map.entry("WeightNormalization", 520), Map.entry("WeightClip", 540));
        priorities.forEach((name, priority) -> {
            BehaviorType t = registry.require(name);
            assertEquals(priority.doubleValue(), t.defaultPriority(), name);
            assertEquals(name.endsWith("SpikeCatcher"), t.initializeLast(), name + " initialize-last");
        });
        assertTrue(registry.require("PreTrace").params().stream().anyMatch(p -> p.name().equals("tau_s") && p.required()));
    }
}
