package org.conex.helpers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperRegistry;
import org.conex.api.helper.Sample;
import org.conex.api.helper.SampleTransform;
import org.conex.api.helper.SpikeEncoder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Discovery through META-INF/services and creation from model-file descriptions. */
class HelperRegistryTest {
    private final HelperRegistry registry = HelperRegistry.fromClassPath();
    private final HelperContext ctx = HelperContext.seeded(5);

    @Test
    void everyHelperIsFoundByName() {
        assertEquals(List.of("Intensity2Latency", "Poisson", "PoissonEncoder", "SimplePoisson"),
                registry.names(HelperKind.ENCODER));
        assertEquals(List.of("Conv2dFilter", "DoGFilter", "GaborFilter"), registry.names(HelperKind.FILTER));
        assertEquals(List.of("GridCropMask", "GridEraseMask", "GridKeepMask"), registry.names(HelperKind.MASK));
        assertEquals(List.of("MNIST", "NpyDataset"), registry.names(HelperKind.DATASET));
        assertEquals(8, registry.names(HelperKind.TRANSFORM).size());
        assertEquals("org.conex.helpers.EncoderHelpers", registry.source("Poisson").orElseThrow());
    }

    @Test
    void descriptionsCreateValidatedHelpers() {
        SpikeEncoder enc = registry.encoder(Map.of("type", "Poisson", "params", Map.of("time_window", 30, "ratio", 0.25)), ctx);
        assertEquals(30, enc.timeWindow());
        SampleTransform steps = registry.pipeline(List.of(
                Map.of("type", "UnsqueezeTransform", "params", Map.of("dim", 0)),
                Map.of("type", "GridKeepMask", "params", Map.of("m", 2, "n", 2)),
                Map.of("type", "AbsoluteTransform")), ctx);
        Sample s = steps.apply(Sample.of(TestData.floats(new double[16], 4, 4)));
        assertArrayEquals(new long[] {4, 1, 4, 4}, s.sensory().shape());
        assertTrue(s.location().isPresent());
    }

    @Test
    void seededFromTheContextStreamsUnlessASeedIsGiven() {
        Map<String, Object> d = Map.of("type", "PoissonEncoder", "params", Map.of("rate", 200, "duration", 50));
        INDArray x = TestData.constant(300, 0.5);
        INDArray a = registry.encoder(d, HelperContext.seeded(1)).encode(x);
        INDArray b = registry.encoder(d, HelperContext.seeded(1)).encode(x);
        INDArray c = registry.encoder(d, HelperContext.seeded(2)).encode(x);
        assertTrue(TestData.same(a, b));
        assertTrue(!TestData.same(a, c));
        Map<String, Object> seeded = Map.of("type", "PoissonEncoder", "params", Map.of("rate", 200, "duration", 50, "seed", 9));
        assertTrue(TestData.same(registry.encoder(seeded, HelperContext.seeded(1)).encode(x),
                registry.encoder(seeded, HelperContext.seeded(2)).encode(x)));
    }

    @Test
    void clearErrors() {
        ConexException e = assertThrows(ConexException.class, () -> registry.require("Poison"));
        assertTrue(e.getMessage().contains("unknown helper 'Poison'; installed: [AbsoluteTransform"), e.getMessage());
        ParameterException p = assertThrows(ParameterException.class, () -> registry.encoder(
                Map.of("type", "Poisson", "params", Map.of("time_window", 30)), ctx));
        assertEquals("Poisson: parameter 'ratio' is required (a number >= 0) but was not given", p.getMessage());
        p = assertThrows(ParameterException.class, () -> registry.encoder(
                Map.of("type", "Poisson", "params", Map.of("time_window", 30, "ratio", 1, "rate", 2)), ctx));
        assertTrue(p.getMessage().startsWith("Poisson: parameter 'rate' is not a parameter of Poisson"), p.getMessage());
        e = assertThrows(ConexException.class, () -> registry.encoder(Map.of("type", "SqueezeTransform"), ctx));
        assertTrue(e.getMessage().contains("SqueezeTransform is a transform (TensorTransform), but SpikeEncoder is needed"),
                e.getMessage());
        e = assertThrows(ConexException.class, () -> registry.pipeline(List.of(Map.of("type", "AbsoluteTransform"),
                Map.of("type", "MNIST", "params", Map.of("images", "x")), Map.of("name", "oops")), ctx));
        assertTrue(e.getMessage().startsWith("pipeline step 1: helper MNIST is a dataset"), e.getMessage());
        e = assertThrows(ConexException.class, () -> registry.create(Map.of("name", "x"), ctx, Object.class));
        assertTrue(e.getMessage().contains("key 'name' is unknown"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        HelperRegistry r = new HelperRegistry();
        r.add(new EncoderHelpers(), "first");
        ConexException e = assertThrows(ConexException.class, () -> r.add(new EncoderHelpers(), "second"));
        assertTrue(e.getMessage().contains("from second is already registered by first"), e.getMessage());
        r.remove(new EncoderHelpers()); // another instance: nothing registered by it
        assertEquals(4, r.names().size());
    }
}
