package org.conex.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.conex.api.ModelException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.helper.BehaviorPriorities;
import org.conex.api.model.NetworkObject;
import org.junit.jupiter.api.Test;

/** prioritize_behaviors: the table of behaviors.md 1.7, and errors on collisions (ODD-1 fixed). */
class PrioritizeBehaviorsTest {
    /** A behavior that does nothing; only its name and priority matter here. */
    static final class Stub extends Behavior<NetworkObject> {
        Stub(Params p) {
            super(p);
        }
    }

    private static Behavior<?> typed(String name, double priority) {
        return BehaviorType.builder(name, Stub::new).priority(priority).build().create(Map.of());
    }

    private static Behavior<?> untyped(String name) {
        return new Stub(Params.validate(name, List.of(), Map.of()));
    }

    @Test
    void ordersByTheCoNeXTable() {
        Behavior<?> axon = typed("NeuronAxon", 380);
        Behavior<?> lif = typed("LIF", 260);
        Behavior<?> fire = typed("Fire", 340);
        Behavior<?> kwta = untyped("KWTA"); // no type: the table's 300
        SortedMap<Double, Behavior<?>> m = Helpers.prioritizeBehaviors(List.of(axon, lif, fire, kwta));
        assertEquals(List.of(260.0, 300.0, 340.0, 380.0), List.copyOf(m.keySet()));
        assertSame(lif, m.get(260.0));
        assertSame(kwta, m.get(300.0));
    }

    @Test
    void collisionsAreErrorsNamingBoth() {
        ModelException e = assertThrows(ModelException.class, () -> Helpers.prioritizeBehaviors(
                List.of(typed("Fire", 340), untyped("SensorySetter"))));
        assertEquals("behaviors Fire and SensorySetter both have priority 340; one object runs one behavior per priority,"
                + " so give one of them an explicit priority", e.getMessage());
    }

    @Test
    void explicitPrioritiesResolveCollisionsAndUnknownNames() {
        Behavior<?> fire = typed("Fire", 340);
        Behavior<?> sensory = untyped("SensorySetter");
        Behavior<?> custom = untyped("MyPayoff");
        ModelException e = assertThrows(ModelException.class, () -> BehaviorPriorities.priorityOf(custom));
        assertTrue(e.getMessage().contains("MyPayoff is not in the CoNeX priority table"), e.getMessage());
        SortedMap<Double, Behavior<?>> m = BehaviorPriorities.prioritize(List.of(fire, sensory, custom),
                Map.of(sensory, 339.0, custom, 100.5));
        assertEquals(List.of(100.5, 339.0, 340.0), List.copyOf(m.keySet()));
    }

    @Test
    void tableMatchesTheSpec() {
        assertEquals(1, BehaviorPriorities.TABLE.get("TimeResolution"));
        assertEquals(180, BehaviorPriorities.TABLE.get("Conv2dDendriticInput"));
        assertEquals(301, BehaviorPriorities.TABLE.get("VoltageBaseHomeostasis"));
        assertEquals(320, BehaviorPriorities.TABLE.get("SpikeNdDataset"));
        assertEquals(341, BehaviorPriorities.TABLE.get("ActivityBaseHomeostasis"));
        assertEquals(500, BehaviorPriorities.TABLE.get("One2OneiSTDP"));
        assertEquals(540, BehaviorPriorities.TABLE.get("WeightClip"));
        assertEquals(51, BehaviorPriorities.TABLE.size()); // every class name of the table, aliases included
    }
}
