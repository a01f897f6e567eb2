package org.conex.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperRegistry;
import org.conex.api.structure.StructureLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The runtime's structure and helper trackers in a real Felix: the structures and helpers bundles'
 * Declarative Services providers appear in the published lookups with their bundle as source, leave
 * when the bundle stops, and come back when it starts again.
 */
class StructureAndHelperTrackerIT {
    @TempDir
    Path tmp;
    private Platform platform;

    @BeforeEach
    void start() throws Exception {
        platform = new Platform(tmp.resolve("felix"));
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(platform.context(), type, null);
        t.open();
        try {
            T s = t.waitForService(10_000);
            assertNotNull(s, "no " + type.getSimpleName() + " service from the runtime bundle");
            return s;
        } finally {
            t.close();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void structureProvidersComeAndGoWithTheirBundle() throws Exception {
        StructureLookup structures = service(StructureLookup.class);
        assertTrue(structures.names().isEmpty(), "no structures bundle yet: " + structures.names());
        Bundle b = platform.install("conex-plugins-structures");
        b.start();
        await("structure types registered", () -> structures.names().contains("CorticalColumn"));
        assertTrue(structures.names().containsAll(List.of("Container", "CorticalColumn", "CorticalLayer",
                "CorticalLayerConnection", "InputLayer", "Layer", "OutputLayer", "Synapsis")), structures.names().toString());
        assertEquals(List.of("org.conex.structures " + b.getVersion()), structures.providers());
        // The same bundle also offers the InputLayer's data behavior to the behavior registry.
        assertTrue(platform.registry().find("SpikeNdDataset").isPresent());

        b.stop();
        await("structure types gone", () -> structures.names().isEmpty());
        ConexException e = org.junit.jupiter.api.Assertions.assertThrows(ConexException.class,
                () -> structures.require("CorticalColumn"));
        assertTrue(e.getMessage().startsWith("unknown structure type 'CorticalColumn'; installed: []"), e.getMessage());
        assertFalse(platform.registry().find("SpikeNdDataset").isPresent());

        b.start();
        await("structure types back", () -> structures.names().contains("Synapsis"));
        assertEquals(8, structures.names().size(), structures.names().toString());
    }

    @Test
    void helperProvidersComeAndGoWithTheirBundle() throws Exception {
        HelperRegistry helpers = service(HelperRegistry.class);
        assertTrue(helpers.names().isEmpty(), helpers.names().toString());
        Bundle b = platform.install("conex-plugins-helpers");
        b.start();
        await("helpers registered", () -> helpers.names().contains("PoissonEncoder"));
        assertTrue(helpers.names().containsAll(List.of("DoGFilter", "GaborFilter", "MNIST", "NpyDataset", "Poisson",
                "PoissonEncoder")), helpers.names().toString());
        assertTrue(helpers.names(HelperKind.ENCODER).contains("Poisson"), helpers.names(HelperKind.ENCODER).toString());
        assertEquals("org.conex.helpers " + b.getVersion(), helpers.source("MNIST").orElseThrow());

        b.stop();
        await("helpers gone", () -> helpers.names().isEmpty());
        b.start();
        await("helpers back", () -> helpers.names().contains("MNIST"));
    }
}
