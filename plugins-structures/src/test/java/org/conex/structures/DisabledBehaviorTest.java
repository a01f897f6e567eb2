package org.conex.structures;

import static org.conex.structures.HostileDocumentTest.doc;
import static org.conex.structures.HostileDocumentTest.rejected;
import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.STRUCTURES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.conex.structures.io.StructureBuilder;
import org.conex.structures.io.StructureJson;
import org.conex.structures.io.StructureSaver;
import org.junit.jupiter.api.Test;

/**
 * {@code "enabled": false} on a behavior of a structure document (CoNeX's
 * {@code behavior_enabled=False}, also accepted among the params) builds and initialises the
 * behavior switched off, as a model file's entry does: the step skips it until it is enabled, and
 * saving keeps the flag.
 */
class DisabledBehaviorTest {
    /** A group whose Fire is given by {@code fire}; LIF's threshold is below the initial voltage. */
    private static String group(String fire) {
        return doc("{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"size\": 3, \"behaviors\": ["
                + "{\"type\": \"SimpleDendriteStructure\"}, {\"type\": \"SimpleDendriteComputation\"},"
                + " {\"type\": \"LIF\", \"params\": {\"R\": 1, \"tau\": 5, \"threshold\": -60, \"v_reset\": -70,"
                + " \"v_rest\": -65, \"init_v\": -50}}, " + fire + "]}");
    }

    private static Network build(String json) {
        Network net = new Network();
        StructureBuilder.build(net, StructureJson.read(json), BEHAVIORS, STRUCTURES);
        return net;
    }

    private static Behavior<?> fire(Network net) {
        return net.neuronGroup("g").behaviors().values().stream().filter(b -> b.name().equals("Fire")).findFirst()
                .orElseThrow();
    }

    @Test
    void aDisabledMemberBehaviorIsBuiltButSkippedUntilEnabled() {
        Network net = build(group("{\"type\": \"Fire\", \"enabled\": false}"));
        assertFalse(fire(net).isEnabled());
        Simulation sim = new Simulation(net);
        sim.initialize();
        sim.step();
        NeuronGroup g = net.neuronGroup("g");
        // without Fire nothing resets: v stays above the threshold and spikes keep their initial value
        assertArrayEquals(new double[] {1, 1, 1}, Tensors.toDoubles(g.array("spikes").castTo(
                org.nd4j.linalg.api.buffer.DataType.DOUBLE)), 0.0);
        assertTrue(Tensors.toDoubles(g.array("v"))[0] > -60, "not reset");
        fire(net).setEnabled(true);
        sim.step();
        assertArrayEquals(new double[] {-70, -70, -70}, Tensors.toDoubles(g.array("v")), 0.0, "reset by Fire");
    }

    @Test
    void conexBehaviorEnabledAmongTheParamsIsTheSameSwitch() {
        Network net = build(group("{\"type\": \"Fire\", \"params\": {\"behavior_enabled\": false}}"));
        assertFalse(fire(net).isEnabled());
        assertEquals(Map.of(), fire(net).params().given(), "the alias is not passed on as a parameter");
        assertTrue(fire(build(group("{\"type\": \"Fire\", \"enabled\": true,"
                + " \"params\": {\"behavior_enabled\": true}}"))).isEnabled());
    }

    @Test
    void savingKeepsTheFlagAndTheSavedDocumentBuildsTheSame() {
        Network net = build(group("{\"type\": \"Fire\", \"enabled\": false}"));
        String saved = StructureJson.write(StructureSaver.saveNetwork(net));
        assertTrue(saved.contains("\"enabled\" : false") || saved.contains("\"enabled\": false"), saved);
        Network again = build(saved);
        assertFalse(fire(again).isEnabled());
        assertEquals(saved, StructureJson.write(StructureSaver.saveNetwork(again)));
        fire(net).setEnabled(true);
        assertFalse(StructureJson.write(StructureSaver.saveNetwork(net)).contains("enabled"),
                "an enabled behavior is saved without the field");
    }

    @Test
    void specsCarryTheFlagThroughPriorityAndIntoEveryInstance() {
        BehaviorSpec off = BehaviorSpec.of("Fire").withEnabled(false);
        assertFalse(off.at(340).enabled());
        assertFalse(off.create(BEHAVIORS).isEnabled());
        assertFalse(off.create(BEHAVIORS).isEnabled(), "a fresh instance each time, each switched off");
        assertTrue(new BehaviorSpec("Fire", null, null).enabled(), "the api 1.0 constructor means enabled");
        assertEquals(List.of(Map.of("type", "Fire", "enabled", false)), BehaviorSpecs.toValue(List.of(off)));
        assertEquals(List.of(off), BehaviorSpecs.fromValue(BehaviorSpecs.toValue(List.of(off)), "here"));
        assertEquals("Fire@340{} (disabled)", off.at(340).toString());
    }

    @Test
    void aFlagThatIsNotABooleanOrThatDisagreesIsRefusedWithItsPlace() {
        assertEquals("members[0] NeuronGroup 'g': behaviors, behavior [3] (Fire): 'enabled' must be true or false,"
                + " found the text \"no\"", rejected(group("{\"type\": \"Fire\", \"enabled\": \"no\"}")));
        assertEquals("members[0] NeuronGroup 'g': behaviors, behavior [3] (Fire): params.behavior_enabled must be"
                + " true or false, found the number 0", rejected(group("{\"type\": \"Fire\", \"params\":"
                + " {\"behavior_enabled\": 0}}")));
        assertEquals("members[0] NeuronGroup 'g': behaviors, behavior [3] (Fire): params.behavior_enabled (true)"
                + " disagrees with 'enabled' (false)", rejected(group("{\"type\": \"Fire\", \"enabled\": false,"
                + " \"params\": {\"behavior_enabled\": true}}")));
    }
}
