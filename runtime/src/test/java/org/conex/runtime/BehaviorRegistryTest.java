package org.conex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParameterException;
import org.conex.runtime.testkit.Probe;
import org.conex.runtime.testkit.Ramp;
import org.junit.jupiter.api.Test;

class BehaviorRegistryTest {
    private static BehaviorType ramp(String version) {
        return BehaviorType.builder("Ramp", Ramp::new).version(version).build();
    }

    @Test
    void classPathDiscoveryFindsProvidersAndBuiltIns() {
        BehaviorRegistry r = BehaviorRegistry.fromClassPath();
        assertTrue(r.names().containsAll(List.of("EventRecorder", "Ramp", "Recorder")), r.names().toString());
        assertSame(Ramp.TYPE, r.require("Ramp"));
        assertEquals("org.conex.runtime.testkit.Ramp$Provider", r.registrations("Ramp").get(0).source());
    }

    @Test
    void highestRankingWinsThenEarliestAndTheChoiceIsVisible() {
        BehaviorRegistry r = new BehaviorRegistry();
        BehaviorType a = ramp("1.0.0");
        BehaviorType b = ramp("2.0.0");
        BehaviorType c = ramp("3.0.0");
        r.add(() -> List.of(a), "bundle-a 1.0.0", 0);
        r.add(() -> List.of(b), "bundle-b 2.0.0", 10);
        r.add(() -> List.of(c), "bundle-c 3.0.0", 10);
        assertSame(b, r.require("Ramp"));
        assertEquals(List.of("bundle-b 2.0.0", "bundle-c 3.0.0", "bundle-a 1.0.0"),
                r.registrations("Ramp").stream().map(BehaviorRegistry.Registration::source).toList());
    }

    @Test
    void removingAProviderFallsBackAndNotifiesListeners() {
        BehaviorRegistry r = new BehaviorRegistry();
        BehaviorType a = ramp("1.0.0");
        BehaviorType b = ramp("2.0.0");
        BehaviorProvider pa = () -> List.of(a);
        BehaviorProvider pb = () -> List.of(b);
        List<String> events = new ArrayList<>();
        r.addListener(events::add);
        r.add(pa, "a", 0);
        r.add(pb, "b", 5);
        assertSame(b, r.require("Ramp"));
        r.remove(pb);
        assertSame(a, r.require("Ramp"));
        r.remove(pa);
        assertTrue(r.find("Ramp").isEmpty());
        assertEquals(List.of("Ramp", "Ramp", "Ramp", "Ramp"), events);
    }

    @Test
    void removingOneOfTwoProvidersOfTheSameTypeObjectKeepsTheOther() {
        BehaviorRegistry r = new BehaviorRegistry();
        BehaviorType shared = ramp("1.0.0");
        BehaviorProvider first = () -> List.of(shared);
        BehaviorProvider second = () -> List.of(shared);
        r.add(first, "first", 0);
        r.add(second, "second", 0);
        r.remove(first);
        assertSame(shared, r.require("Ramp"));
        assertEquals(List.of("second"), r.registrations("Ramp").stream().map(BehaviorRegistry.Registration::source)
                .toList());
        r.remove(first);
        assertEquals(1, r.registrations("Ramp").size(), "removing twice takes nothing more");
        r.remove(second);
        assertTrue(r.find("Ramp").isEmpty());
    }

    @Test
    void removalDoesNotAskTheProviderForItsTypesAgain() {
        BehaviorRegistry r = new BehaviorRegistry();
        BehaviorType a = ramp("1.0.0");
        boolean[] stopped = {false};
        BehaviorProvider p = () -> {
            if (stopped[0]) {
                throw new IllegalStateException("bundle stopped");
            }
            return List.of(a);
        };
        r.add(p, "p", 0);
        stopped[0] = true;
        r.remove(p);
        assertTrue(r.find("Ramp").isEmpty());
    }

    @Test
    void unknownNamesSuggestCloseOnesAndListTheInstalled() {
        BehaviorRegistry r = BehaviorRegistry.fromClassPath();
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> r.require("Rmap"));
        assertTrue(e.getMessage().startsWith("unknown behavior 'Rmap' (did you mean Ramp?); installed: ["),
                e.getMessage());
        e = assertThrows(UnknownProviderException.class, () -> r.require("org.conex.runtime.testkit.Ramp"));
        assertTrue(e.getMessage().startsWith("unknown behavior 'org.conex.runtime.testkit.Ramp'; installed"),
                "a class name is never resolved: " + e.getMessage());
    }

    @Test
    void createValidatesParameters() {
        BehaviorRegistry r = BehaviorRegistry.fromClassPath();
        ParameterException e = assertThrows(ParameterException.class,
                () -> r.create("Ramp", Map.of("slope", "steep")));
        assertEquals("Ramp: parameter 'slope' expected a number, found the text \"steep\"", e.getMessage());
        assertEquals("Ramp", r.create("Ramp", Map.of("slope", 2)).name());
        assertEquals(Probe.class, Probe.of("x").getClass());
    }
}
