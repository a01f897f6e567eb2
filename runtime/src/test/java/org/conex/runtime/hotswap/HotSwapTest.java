package org.conex.runtime.hotswap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.DType;
import org.conex.api.model.SynapseMode;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.Simulation;
import org.conex.runtime.UnknownProviderException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hot-swap semantics (osgi.md §4.2) on a plain class path, with the registry fed by hand. */
class HotSwapTest {
    private BehaviorRegistry registry;
    private Network net;
    private NeuronGroup a;
    private NeuronGroup b;
    private Simulation sim;
    private HotSwap hot;
    private final List<HotSwapEvent> events = new ArrayList<>();
    private final BehaviorProvider core = TestModels.provider(TestModels.RAMP, TestModels.FIRES);

    @BeforeEach
    void setUp() {
        registry = new BehaviorRegistry();
        registry.add(core, "core 1.0.0", 0);
        net = new Network("net", DType.FLOAT32, SynapseMode.SxD, 7);
        a = net.addNeuronGroup("a", 3);
        b = net.addNeuronGroup("b", 3);
        a.addBehavior(340, registry.create("Fires", Map.of()));
        sim = new Simulation(net);
        hot = new HotSwap(sim, registry, 5_000);
        hot.addListener(events::add);
    }

    private static float v(NeuronGroup g, int i) {
        return g.array("v").getFloat(i);
    }

    @Test
    void waitingGroupStartsAtTheNextStepBoundaryWhileOthersKeepStepping() {
        hot.bind(a, 260, new ModelSpec("Ramp", Map.of("rate", 1.0)), null);
        b.addBehavior(340, registry.create("Fires", Map.of()));
        ModelBinding wb = hot.bind(b, 260, ModelSpec.of("Ramp2"), null);
        assertEquals(BindingState.WAITING, wb.state());
        assertTrue(wb.message().contains("waits for model Ramp2"), wb.message());
        sim.simulate(5);
        assertEquals(5f, v(a, 0));
        assertFalse(b.has("v"), "a waiting group runs no model");

        registry.add(TestModels.provider(TestModels.RAMP2), "plugin.ramp2 0.1.0", 0);
        assertEquals(BindingState.BOUND, wb.state());
        assertEquals("plugin.ramp2 0.1.0", wb.source());
        assertEquals(HotSwapEvent.Kind.STARTED, events.get(events.size() - 1).kind());
        sim.step();
        assertEquals(10f, v(b, 0), "started with fresh state and stepped once");
        assertEquals(6f, v(a, 0));
    }

    @Test
    void swapKeepsVariablesOfSameNameShapeAndDtypeAndReportsTheRest() {
        hot.bind(a, 260, new ModelSpec("Ramp", Map.of("rate", 2.0)), null);
        sim.simulate(3);
        assertEquals(6f, v(a, 1));
        registry.add(TestModels.provider(TestModels.RAMP2), "plugin.ramp2 0.1.0", 0);

        MigrationReport r = hot.swap("a", ModelSpec.of("Ramp2"));

        assertEquals(List.of("v", "spikes"), r.kept());
        assertEquals(List.of("u"), r.initialised());
        assertEquals(List.of("rate"), r.dropped());
        assertEquals("Ramp", r.from());
        assertEquals("plugin.ramp2 0.1.0", r.source());
        assertEquals(6f, v(a, 1), "v kept exactly");
        assertFalse(a.has("rate"));
        sim.step();
        assertEquals(16f, v(a, 1), "the new model continues from the kept v");
        assertEquals(1f, a.array("u").getFloat(0));
        assertEquals("Ramp2", hot.binding("a").orElseThrow().wanted().name());
    }

    @Test
    void swapBackRestoresNothingItDroppedButKeepsWhatBothHave() {
        registry.add(TestModels.provider(TestModels.RAMP2), "p2", 0);
        hot.bind(a, 260, ModelSpec.of("Ramp2"), null);
        sim.simulate(2);
        MigrationReport r = hot.swap("a", ModelSpec.of("Ramp"));
        assertEquals(List.of("v", "spikes"), r.kept());
        assertEquals(List.of("rate"), r.initialised());
        assertEquals(List.of("u"), r.dropped());
        assertEquals(20f, v(a, 0));
    }

    @Test
    void swapToAnUnknownModelNamesTheInstalledOnesAndChangesNothing() {
        hot.bind(a, 260, ModelSpec.of("Ramp"), null);
        sim.step();
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> hot.swap("a", ModelSpec.of("Izhikevich")));
        assertTrue(e.getMessage().contains("unknown model 'Izhikevich'"), e.getMessage());
        assertTrue(e.getMessage().contains("Ramp"), e.getMessage());
        ConexException e2 = assertThrows(ConexException.class, () -> hot.swap("zzz", ModelSpec.of("Ramp")));
        assertTrue(e2.getMessage().contains("bound groups: [a]"), e2.getMessage());
        assertEquals(BindingState.BOUND, hot.binding("a").orElseThrow().state());
    }

    @Test
    void badParametersOfTheNewModelLeaveTheOldOneRunning() {
        hot.bind(a, 260, ModelSpec.of("Ramp"), null);
        sim.simulate(2);
        assertThrows(ConexException.class, () -> hot.swap("a", new ModelSpec("Ramp", Map.of("rate", "fast"))));
        sim.step();
        assertEquals(3f, v(a, 0));
    }

    @Test
    void lostProviderRebindsToAnotherProviderOfTheSameNameKeepingState() {
        BehaviorType other = TestModels.otherRamp();
        BehaviorProvider second = TestModels.provider(other);
        registry.add(second, "plugin.ramp 2.0.0", 10);
        assertEquals("plugin.ramp 2.0.0", registry.registrations("Ramp").get(0).source(), "ranking decides");
        ModelBinding mb = hot.bind(a, 260, ModelSpec.of("Ramp"), null);
        assertSame(other, mb.type());
        sim.simulate(4);

        registry.remove(second);

        assertEquals(BindingState.BOUND, mb.state());
        assertEquals("core 1.0.0", mb.source());
        assertEquals(HotSwapEvent.Kind.REBOUND, events.get(events.size() - 1).kind());
        assertEquals(4f, v(a, 0));
        sim.step();
        assertEquals(5f, v(a, 0));
    }

    @Test
    void lostProviderWithoutReplacementFallsBackAndReturnsWhenItComesBack() {
        BehaviorProvider p2 = TestModels.provider(TestModels.RAMP2);
        registry.add(p2, "plugin.ramp2 0.1.0", 0);
        ModelBinding mb = hot.bind(a, 260, ModelSpec.of("Ramp2"), ModelSpec.of("Ramp"));
        sim.simulate(2);

        registry.remove(p2);
        assertEquals(BindingState.FALLBACK, mb.state());
        assertEquals("Ramp", mb.current().name());
        HotSwapEvent fb = events.get(events.size() - 1);
        assertEquals(HotSwapEvent.Kind.FALLBACK, fb.kind());
        assertTrue(fb.message().contains("Ramp2 from plugin.ramp2 0.1.0 is gone"), fb.message());
        assertEquals(List.of("v", "spikes"), fb.report().kept());
        sim.step();
        assertEquals(21f, v(a, 0));

        registry.add(p2, "plugin.ramp2 0.1.1", 0);
        assertEquals(BindingState.BOUND, mb.state());
        assertEquals("plugin.ramp2 0.1.1", mb.source());
        assertEquals(21f, v(a, 0), "state kept on return");
    }

    @Test
    void lostProviderWithoutReplacementPausesWithStateAndResumesOnReinstall() {
        BehaviorProvider p2 = TestModels.provider(TestModels.RAMP2);
        registry.add(p2, "plugin.ramp2 0.1.0", 0);
        hot.bind(a, 260, ModelSpec.of("Ramp"), null);
        b.addBehavior(340, registry.create("Fires", Map.of()));
        ModelBinding mb = hot.bind(b, 260, ModelSpec.of("Ramp2"), null);
        sim.simulate(3);
        b.array("spikes").putScalar(1, 1);

        registry.remove(p2);

        assertEquals(BindingState.PAUSED, mb.state());
        assertNull(mb.behavior(), "no plugin object is kept by a paused binding");
        assertNull(b.behaviors().get(260.0));
        String msg = events.get(events.size() - 1).message();
        assertTrue(msg.contains("model Ramp2 (plugin.ramp2 0.1.0)"), msg);
        assertTrue(msg.contains("state kept [v, u, spikes]"), msg);
        assertTrue(msg.contains("deploy/") && msg.contains("sim:swap b NAME"), msg);
        assertInstanceOf(PausedModel.class, b.get("spiking_neuron"));
        sim.simulate(2);
        assertEquals(5f, v(a, 0), "the rest of the network keeps running");
        assertEquals(30f, v(b, 0), "a paused group keeps its state");
        assertFalse(b.array("spikes").getDouble(1) != 0, "a paused group emits no spikes");

        registry.add(p2, "plugin.ramp2 0.2.0", 0);
        assertEquals(BindingState.BOUND, mb.state());
        HotSwapEvent resumed = events.get(events.size() - 1);
        assertEquals(HotSwapEvent.Kind.RESUMED, resumed.kind());
        assertEquals(List.of("v", "u", "spikes"), resumed.report().kept());
        sim.step();
        assertEquals(40f, v(b, 0));
        assertEquals(4f, b.array("u").getFloat(0));
    }

    @Test
    void adoptedModelBuiltBeforeInitializationCanBeSwapped() {
        a.addBehavior(260, registry.create("Ramp", Map.of("rate", 3.0)));
        sim.simulate(2);
        ModelBinding mb = hot.adopt(a, 260, null);
        assertEquals("core 1.0.0", mb.source());
        registry.add(TestModels.provider(TestModels.RAMP2), "p2", 0);
        MigrationReport r = hot.swap("a", ModelSpec.of("Ramp2"));
        assertEquals(List.of("v", "spikes"), r.kept());
        assertEquals(List.of("rate"), r.dropped());
        assertEquals(6f, v(a, 0));
    }

    @Test
    void bindingAnOccupiedPriorityOrTwiceIsRefused() {
        a.addBehavior(260, registry.create("Ramp", Map.of()));
        ConexException e = assertThrows(ConexException.class, () -> hot.bind(a, 260, ModelSpec.of("Ramp"), null));
        assertTrue(e.getMessage().contains("already has Ramp at priority 260"), e.getMessage());
        hot.bind(b, 260, ModelSpec.of("Ramp"), null);
        assertThrows(ConexException.class, () -> hot.bind(b, 261, ModelSpec.of("Ramp"), null));
    }

    private void awaitIteration(RunLoop loop, long it) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (net.iteration() < it) {
            assertNull(loop.failure(), () -> "the loop failed: " + loop.failure());
            assertTrue(System.nanoTime() < deadline, "the loop did not reach iteration " + it);
            Thread.sleep(1);
        }
    }

    @Test
    void swapFromAnotherThreadLandsBetweenSteps() throws Exception {
        registry.add(TestModels.provider(TestModels.RAMP2), "p2", 0);
        hot.bind(a, 260, ModelSpec.of("Ramp"), null);
        RunLoop loop = new RunLoop(sim);
        loop.start();
        try {
            awaitIteration(loop, 50);
            MigrationReport r = hot.swap("a", ModelSpec.of("Ramp2"));
            assertEquals(List.of("v", "spikes"), r.kept());
            awaitIteration(loop, net.iteration() + 20);
        } finally {
            loop.halt();
        }
        long t = net.iteration();
        float v = v(a, 0);
        assertTrue(v > 0 && v % 1 == 0, "v is a whole number: each step applied one whole model");
        assertTrue(t > 70);
        assertEquals(null, loop.failure());
    }
}
