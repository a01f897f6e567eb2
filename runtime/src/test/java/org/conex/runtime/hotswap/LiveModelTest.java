package org.conex.runtime.hotswap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conex.api.ConexException;
import org.conex.api.tensor.KernelThreads;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.KernelThreadPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading a hot-swappable model: marked models, waiting models, fallbacks, errors. */
class LiveModelTest {
    private final ObjectMapper json = new ObjectMapper();
    private BehaviorRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new BehaviorRegistry();
        registry.add(TestModels.provider(TestModels.RAMP, TestModels.FIRES), "core", 0);
    }

    private JsonNode model(String groups) throws Exception {
        return json.readTree("{\"neuron_groups\": [" + groups + "]}");
    }

    @Test
    void marksModelsBindsMissingOnesAsWaitingAndReadsFallbacks() throws Exception {
        JsonNode m = model("""
                {"tag": "a", "size": 2, "behaviors": [{"type": "Ramp", "priority": 260, "model": true,
                  "params": {"rate": 2.0}}, {"type": "Fires", "priority": 340}]},
                {"tag": "b", "size": 2, "behaviors": [{"type": "Ramp2", "priority": 260,
                  "fallback": {"type": "Ramp", "params": {"rate": 5.0}}}, {"type": "Fires", "priority": 340}]}""");
        try (LiveModel live = LiveModel.of(m, registry, 1, "t")) {
            ModelBinding a = live.hotSwap().binding("a").orElseThrow();
            ModelBinding b = live.hotSwap().binding("b").orElseThrow();
            assertEquals(BindingState.BOUND, a.state());
            assertEquals(2.0, a.wanted().params().get("rate"));
            assertEquals(BindingState.FALLBACK, b.state(), "Ramp2 is missing, so b runs its fallback");
            assertEquals("Ramp2", b.wanted().name());
            live.simulation().simulate(3);
            assertEquals(6f, live.network().neuronGroup("a").array("v").getFloat(0));
            assertEquals(15f, live.network().neuronGroup("b").array("v").getFloat(0));
            assertTrue(live.status().contains("b                FALLBACK Ramp"), live.status());

            registry.add(TestModels.provider(TestModels.RAMP2), "p2", 0);
            assertEquals(BindingState.BOUND, b.state());
            assertEquals(15f, live.network().neuronGroup("b").array("v").getFloat(0), "state kept on return");
            assertEquals(HotSwapEvent.Kind.RESUMED, live.events().get(live.events().size() - 1).kind());
        }
    }

    @Test
    void groupsWithoutAMarkedModelHaveTheirSpikingNeuronAdopted() throws Exception {
        JsonNode m = model("""
                {"tag": "a", "size": 2, "behaviors": [{"type": "Ramp", "priority": 260},
                  {"type": "Fires", "priority": 340}]}""");
        try (LiveModel live = LiveModel.of(m, registry, 1, "t")) {
            assertEquals(BindingState.BOUND, live.hotSwap().binding("a").orElseThrow().state());
            assertEquals("core", live.hotSwap().binding("a").orElseThrow().source());
        }
    }

    @Test
    void theModelRunsOnKernelThreadsItClosesWithItself() throws Exception {
        JsonNode m = model("""
                {"tag": "a", "size": 2, "behaviors": [{"type": "Ramp", "priority": 260}]}""");
        LiveModel live = LiveModel.of(m, registry, 1, "t");
        KernelThreads threads = live.network().kernelThreads();
        assertTrue(threads instanceof KernelThreadPool, threads.toString());
        assertEquals(KernelThreadPool.threadsFor(0), threads.count());
        live.close();
        assertTrue(threads.toString().contains("closed"), threads.toString());
    }

    @Test
    void aMissingModelWithoutPriorityIsAClearError() throws Exception {
        JsonNode m = model("""
                {"tag": "a", "size": 2, "behaviors": [{"type": "Izhikevich"}]}""");
        ConexException e = assertThrows(ConexException.class, () -> LiveModel.of(m, registry, 1, "t"));
        assertTrue(e.getMessage().contains("neuron group 'a': model Izhikevich is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("give \"priority\""), e.getMessage());
    }
}
