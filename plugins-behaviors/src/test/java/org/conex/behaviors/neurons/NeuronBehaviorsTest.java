package org.conex.behaviors.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.conex.api.behavior.BehaviorType;
import org.conex.behaviors.NeuronBehaviors;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;

/** Every neuron-side type is registered under its CoNeX name with the reference priority (spec 1.7). */
class NeuronBehaviorsTest {
    @Test
    void providerListsEveryTypeWithItsPriority() {
        Map<String, Double> found = new TreeMap<>();
        for (BehaviorType t : new NeuronBehaviors().behaviorTypes()) {
            found.put(t.name(), t.defaultPriority());
        }
        Map<String, Double> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("SimpleDendriteStructure", 220.0), Map.entry("SimpleDendriteComputation", 240.0),
                Map.entry("LIF", 260.0), Map.entry("ELIF", 260.0), Map.entry("AELIF", 260.0),
                Map.entry("InherentNoise", 280.0), Map.entry("KWTA", 300.0),
                Map.entry("VoltageBaseHomeostasis", 301.0), Map.entry("Fire", 340.0),
                Map.entry("SensorySetter", 340.0), Map.entry("LocationSetter", 340.0),
                Map.entry("ActivityBaseHomeostasis", 341.0), Map.entry("NeuronAxon", 380.0)));
        assertEquals(expected, found);
    }

    @Test
    void registryFindsThemByName() {
        BehaviorRegistry registry = BehaviorRegistry.fromClassPath();
        for (String name : List.of("ELIF", "AELIF", "NeuronAxon", "KWTA", "SensorySetter")) {
            assertEquals(name, registry.require(name).name());
        }
    }
}
