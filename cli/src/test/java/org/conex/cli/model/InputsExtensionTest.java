package org.conex.cli.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.conex.api.ConexException;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStreams;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.model.SectionEntry;
import org.conex.runtime.recording.NpyArrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An {@code inputs} entry as CoNeX's LocationDataset: a grid mask in {@code transforms} sets each
 * sample's location, {@code location_transforms} then reshape that location (and only it).
 */
class InputsExtensionTest {
    @TempDir
    Path work;

    private InputsExtension inputs;

    @BeforeEach
    void data() throws Exception {
        double[] pixels = new double[2 * 4 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 5) / 4.0;
        }
        try (OutputStream out = Files.newOutputStream(work.resolve("pixels.npy"))) {
            NpyArrays.write(Tensors.of(DType.FLOAT32, pixels, 2, 4, 4), out);
        }
        inputs = new InputsExtension(work);
    }

    private DataSource source(String json) throws Exception {
        JsonNode e = new ObjectMapper().readTree(json);
        return inputs.source(new SectionEntry("inputs", e, "inputs[0]"), new RandomStreams(1));
    }

    private static final String BASE = "{\"name\": \"d\", \"dataset\": {\"type\": \"NpyDataset\", \"params\":"
            + " {\"data\": \"pixels.npy\"}}, \"transforms\": [{\"type\": \"GridKeepMask\", \"params\": {\"m\": 2,"
            + " \"n\": 2}}]";

    @Test
    void locationTransformsApplyToTheLocationOnly() throws Exception {
        Sample plain = source(BASE + "}").get(1);
        assertArrayEquals(new long[] {4, 1, 4, 4}, plain.sensory().shape(), "four cell images of 1x4x4");
        INDArray loc = plain.location().orElseThrow();
        assertArrayEquals(new long[] {4, 2, 2}, loc.shape(), "one-hot cell per image");

        Sample moved = source(BASE + ", \"location_transforms\": [{\"type\": \"UnsqueezeTransform\", \"params\":"
                + " {\"dim\": 0}}]}").get(1);
        assertArrayEquals(plain.sensory().shape(), moved.sensory().shape());
        assertEquals(plain.sensory(), moved.sensory());
        assertArrayEquals(new long[] {1, 4, 2, 2}, moved.location().orElseThrow().shape());
        assertEquals(loc.reshape(1, 4, 2, 2), moved.location().orElseThrow());
    }

    @Test
    void samplesWithoutALocationPassUnchanged() throws Exception {
        Sample s = source("{\"name\": \"d\", \"dataset\": {\"type\": \"NpyDataset\", \"params\": {\"data\":"
                + " \"pixels.npy\"}}, \"location_transforms\": [{\"type\": \"UnsqueezeTransform\", \"params\":"
                + " {\"dim\": 0}}]}").get(0);
        assertTrue(s.location().isEmpty());
        assertArrayEquals(new long[] {4, 4}, s.sensory().shape());
    }

    @Test
    void badLocationTransformsNameTheKeyAndTheStep() {
        ConexException e = assertThrows(ConexException.class, () -> source(BASE + ", \"location_transforms\":"
                + " {\"type\": \"UnsqueezeTransform\"}}"));
        assertTrue(e.getMessage().startsWith("location_transforms: expected a list"), e.getMessage());
        e = assertThrows(ConexException.class, () -> source(BASE + ", \"location_transforms\": [{\"type\":"
                + " \"NpyDataset\", \"params\": {\"data\": \"pixels.npy\"}}]}"));
        assertTrue(e.getMessage().startsWith("location_transforms step 0: helper NpyDataset is a dataset"),
                e.getMessage());
    }
}
