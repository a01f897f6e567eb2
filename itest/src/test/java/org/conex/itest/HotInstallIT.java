package org.conex.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamSpec;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.BehaviorRegistry.Registration;
import org.conex.runtime.hotswap.BindingState;
import org.conex.runtime.hotswap.HotSwapEvent;
import org.conex.runtime.hotswap.HotSwapEvent.Kind;
import org.conex.runtime.hotswap.LiveModel;
import org.conex.runtime.hotswap.MigrationReport;
import org.conex.runtime.hotswap.ModelBinding;
import org.conex.runtime.hotswap.ModelSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Level 2: the real bundles in an in-process Felix, a network stepping on a background thread,
 * and the example Izhikevich plugin installed, swapped in, uninstalled and updated under it.
 */
class HotInstallIT {

    @TempDir
    Path tmp;
    private Platform platform;
    private BehaviorRegistry registry;
    private LiveModel model;
    private final List<HotSwapEvent> events = new CopyOnWriteArrayList<>();
    private final Set<HotSwapEvent> consumed = Collections.newSetFromMap(new IdentityHashMap<>());

    @BeforeEach
    void start() throws Exception {
        platform = new Platform(tmp.resolve("felix"));
        registry = platform.registry();
        model = LiveModel.of(new ObjectMapper().readTree(Platform.TWO_GROUP_MODEL), registry, 5, "itest");
        model.hotSwap().addListener(events::add);
        model.loop().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (model != null) {
            model.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void providersFromBundlesAreRegisteredWithBundleAndVersion() {
        Registration lif = registry.registrations("LIF").get(0);
        assertEquals("org.conex.behaviors 0.1.0.SNAPSHOT", lif.source());
        assertEquals(0, lif.ranking());
        assertTrue(registry.find("Izhikevich").isEmpty());
    }

    @Test
    void hotInstallStartsTheWaitingGroupAndASwapKeepsState() throws Exception {
        ModelBinding izh = model.hotSwap().binding("izh").orElseThrow();
        assertEquals(BindingState.WAITING, izh.state());
        long before = awaitSteps(50);

        Bundle plugin = platform.install("conex-example-izhikevich");
        plugin.start();

        HotSwapEvent started = await(Kind.STARTED, "izh");
        assertEquals(BindingState.BOUND, izh.state());
        assertEquals("org.conex.examples.izhikevich 0.1.0.SNAPSHOT", izh.source());
        assertTrue(started.iteration() > before, "started at a later step boundary while the loop ran");
        awaitSteps(20);
        float v = model.network().neuronGroup("lif").array("v").getFloat(3);

        MigrationReport r = model.hotSwap().swap("lif", ModelSpec.of("Izhikevich"));

        assertEquals(List.of("v", "spikes"), r.kept());
        assertEquals(List.of("u"), r.initialised());
        assertEquals(List.of("R", "tau", "threshold", "v_reset", "v_rest"), r.dropped());
        assertNotSame(izh.behavior(), model.hotSwap().binding("lif").orElseThrow().behavior());
        assertTrue(Float.isFinite(v));
        assertNull(model.loop().failure());
    }

    @Test
    void uninstallWhileInUsePausesTheGroupsAndTheLoopSurvives() throws Exception {
        Bundle plugin = platform.install("conex-example-izhikevich");
        plugin.start();
        await(Kind.STARTED, "izh");
        model.hotSwap().swap("lif", ModelSpec.of("Izhikevich"));
        awaitSteps(20);

        platform.uninstallAndRefresh(plugin);

        HotSwapEvent paused = await(Kind.PAUSED, "izh");
        assertTrue(paused.message().contains("model Izhikevich (org.conex.examples.izhikevich 0.1.0.SNAPSHOT)"),
                paused.message());
        assertTrue(paused.message().contains("drop its jar into deploy/"), paused.message());
        await(Kind.PAUSED, "lif");
        long t = awaitSteps(30);
        assertTrue(t > paused.iteration() + 29, "the loop keeps stepping");
        assertNull(model.loop().failure());
        assertEquals(BindingState.PAUSED, model.hotSwap().binding("lif").orElseThrow().state());
    }

    @Test
    void updatedBundleResumesWithStateKeptOnANewClassLoader() throws Exception {
        Bundle plugin = platform.install("conex-example-izhikevich");
        plugin.start();
        await(Kind.STARTED, "izh");
        ClassLoader first = model.hotSwap().binding("izh").orElseThrow().behavior().getClass().getClassLoader();
        awaitSteps(20);

        plugin.update();
        platform.refresh(plugin);

        await(Kind.PAUSED, "izh");
        HotSwapEvent resumed = await(Kind.RESUMED, "izh");
        assertEquals(List.of("v", "u", "spikes"), resumed.report().kept());
        ClassLoader second = model.hotSwap().binding("izh").orElseThrow().behavior().getClass().getClassLoader();
        assertNotSame(first, second, "the update brought a new class loader");
        assertNull(model.loop().failure());
    }

    @Test
    void twoProvidersOfOneNameAreChosenByRankingAndTheLoserTakesOver() throws Exception {
        BehaviorType lif = registry.require("LIF");
        BehaviorType myLif = BehaviorType.builder("LIF", lif::create).version("9.0.0").priority(260)
                .target(lif.target()).params(lif.params().toArray(new ParamSpec[0])).build();
        BehaviorProvider mine = () -> List.of(myLif);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 10);
        ServiceRegistration<BehaviorProvider> reg = platform.context().registerService(BehaviorProvider.class, mine,
                props);
        List<Registration> regs = registry.registrations("LIF");
        assertEquals(2, regs.size());
        assertEquals(10, regs.get(0).ranking());
        assertTrue(regs.get(0).source().startsWith("org.apache.felix.framework"), regs.get(0).source());
        assertEquals("org.conex.behaviors 0.1.0.SNAPSHOT", regs.get(1).source());

        ModelSpec lifModel = model.hotSwap().binding("lif").orElseThrow().wanted();
        MigrationReport toMine = model.hotSwap().swap("lif", lifModel);
        assertTrue(toMine.source().startsWith("org.apache.felix.framework"), toMine.source());
        reg.unregister();

        HotSwapEvent rebound = await(Kind.REBOUND, "lif");
        assertEquals(List.of("R", "tau", "threshold", "v_reset", "v_rest", "v", "spikes"), rebound.report().kept());
        assertEquals("org.conex.behaviors 0.1.0.SNAPSHOT", model.hotSwap().binding("lif").orElseThrow().source());
        awaitSteps(20);
        assertNull(model.loop().failure(), "the replacement from the same bundle keeps its spiking_neuron");
    }

    @Test
    void pluginClassLoaderIsCollectedAfterUninstall() throws Exception {
        WeakReference<ClassLoader> loader = installUseAndUninstall(false);
        assertTrue(Platform.collected(loader, 10_000),
                "the plugin's class loader is still reachable after uninstall+refresh");
    }

    /** Negative control: pinning one plugin object must keep the loader alive, or the check proves nothing. */
    @Test
    void negativeControlAPinnedInstanceKeepsTheClassLoaderAlive() throws Exception {
        WeakReference<ClassLoader> loader = installUseAndUninstall(true);
        assertTrue(pinned != null);
        assertTrue(!Platform.collected(loader, 2_000), "a pinned plugin instance must keep its class loader alive");
        pinned = null;
        assertTrue(Platform.collected(loader, 10_000), "released once unpinned");
    }

    private Object pinned;

    private WeakReference<ClassLoader> installUseAndUninstall(boolean pin) throws Exception {
        Bundle plugin = platform.install("conex-example-izhikevich");
        plugin.start();
        await(Kind.STARTED, "izh");
        model.hotSwap().swap("lif", ModelSpec.of("Izhikevich"));
        Object instance = model.hotSwap().binding("izh").orElseThrow().behavior();
        WeakReference<ClassLoader> ref = new WeakReference<>(instance.getClass().getClassLoader());
        if (pin) {
            pinned = instance;
        }
        instance = null;
        awaitSteps(10);
        platform.uninstallAndRefresh(plugin);
        await(Kind.PAUSED, "izh");
        await(Kind.PAUSED, "lif");
        awaitSteps(5);
        assertNotNull(ref);
        return ref;
    }


    /** The first not yet awaited event of this kind for this group (waits up to 10 s). */
    private HotSwapEvent await(Kind kind, String group) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            for (HotSwapEvent e : events) {
                if (e.kind() == kind && e.group().equals(group) && consumed.add(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + kind + " event for " + group + " within 10 s; status:\n" + model.status());
    }

    private long awaitSteps(long n) throws InterruptedException {
        long target = model.network().iteration() + n;
        long end = System.currentTimeMillis() + 10_000;
        while (model.network().iteration() < target) {
            assertNull(model.loop().failure(), () -> "loop failed: " + model.loop().failure());
            assertTrue(System.currentTimeMillis() < end, "the loop stalled");
            Thread.sleep(2);
        }
        return model.network().iteration();
    }
}
