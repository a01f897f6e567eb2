package org.conex.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.conex.launcher.SystemPackages;
import org.conex.runtime.BehaviorRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An in-process Felix for tests: ND4J, SLF4J, Jackson (+ YAML), the CoNeX api and runtime packages come
 * from the test class path through the system bundle (so tests and bundles share
 * {@code BehaviorRegistry}, {@code INDArray}, ...); Declarative Services, the runtime bundle (its
 * DS components), the behaviors bundle and, on demand, the example plugin are real bundles with
 * their own class loaders.
 */
final class Platform implements AutoCloseable {
    static final Path BUNDLES = Path.of(System.getProperty("conex.bundles", "target/bundles"));
    private final Framework fw;
    /**
     * A network of two 4-neuron groups driven by the same input: "lif" (LIF, marked as the model) and
     * "izh" (the example plugin's Izhikevich, waiting until the plugin is installed).
     */
    static final String TWO_GROUP_MODEL = """
            {"network_behaviors": [{"type": "TimeResolution", "priority": 1, "params": {"dt": 1.0}}],
             "neuron_groups": [
               {"tag": "lif", "size": 4, "behaviors": [
                 {"type": "InputSequence", "priority": 250, "params": {"variable": "I", "values": [[2, 4, 8, 12]]}},
                 {"type": "LIF", "priority": 260, "model": true, "params": {"R": 2.0, "tau": 10.0,
                   "threshold": -55.0, "v_reset": -70.0, "v_rest": -65.0, "init_v": -65.0}},
                 {"type": "Fire", "priority": 340, "params": {}}]},
               {"tag": "izh", "size": 4, "behaviors": [
                 {"type": "InputSequence", "priority": 250, "params": {"variable": "I", "values": [[2, 4, 8, 12]]}},
                 {"type": "Izhikevich", "priority": 260, "params": {}},
                 {"type": "Fire", "priority": 340, "params": {}}]}]}
            """;

    Platform(Path storage) throws IOException, BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        String extra = SystemPackages.scan(System.getProperty("java.class.path"),
                List.of("nd4j-", "javacpp-", "slf4j-api-"), List.of("org.nd4j", "org.bytedeco.javacpp", "org.slf4j"));
        String jackson = SystemPackages.scan(System.getProperty("java.class.path"), List.of("jackson-", "snakeyaml-"),
                List.of("com.fasterxml.jackson", "org.yaml.snakeyaml"));
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra + "," + jackson + ","
                + "org.conex.api;version=1.0.0,org.conex.api.behavior;version=1.1.0,org.conex.api.model;version=1.2.0,"
                + "org.conex.api.neuron;version=1.0.0,org.conex.api.record;version=1.2.0,"
                + "org.conex.api.tensor;version=1.3.0,org.conex.api.helper;version=1.0.0,org.conex.api.structure;version=1.1.0,"
                + "org.conex.runtime;version=0.3.0,org.conex.runtime.conformance;version=0.1.0,"
                + "org.conex.runtime.hotswap;version=0.1.0");
        fw = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        fw.start();
        for (String name : List.of("org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
                "org.apache.felix.scr", "conex-runtime", "conex-plugins-behaviors")) {
            install(name).start();
        }
    }

    BundleContext context() {
        return fw.getBundleContext();
    }

    /** Installs target/bundles/NAME.jar (not started). */
    Bundle install(String name) throws BundleException {
        Path jar = BUNDLES.resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar.toAbsolutePath() + ": run the itest with mvn verify");
        }
        return context().installBundle(jar.toUri().toString());
    }

    /** The runtime's registry service (waits up to 10 s for Declarative Services). */
    BehaviorRegistry registry() throws InterruptedException {
        ServiceTracker<BehaviorRegistry, BehaviorRegistry> t = new ServiceTracker<>(context(), BehaviorRegistry.class,
                null);
        t.open();
        try {
            BehaviorRegistry r = t.waitForService(10_000);
            if (r == null) {
                throw new IllegalStateException("no BehaviorRegistry service: the runtime bundle's DS component did"
                        + " not activate");
            }
            return r;
        } finally {
            t.close();
        }
    }

    /** Uninstalls {@code b} and refreshes, returning when the framework has dropped its wiring. */
    void uninstallAndRefresh(Bundle b) throws BundleException, InterruptedException {
        b.uninstall();
        refresh(b);
    }

    void refresh(Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        fw.adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("refresh did not finish in 10 s");
        }
    }

    /** Whether {@code ref} is cleared within {@code ms} milliseconds, asking for GC meanwhile. */
    static boolean collected(java.lang.ref.WeakReference<?> ref, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (ref.get() != null && System.currentTimeMillis() < end) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }

    @Override
    public void close() throws Exception {
        fw.stop();
        fw.waitForStop(10_000);
    }
}
