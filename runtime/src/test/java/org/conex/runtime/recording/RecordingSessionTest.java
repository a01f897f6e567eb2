package org.conex.runtime.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.conex.api.ModelException;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.model.RecorderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A streamed recording refuses a sample whose type or shape differs from its file's rows. */
class RecordingSessionTest {
    @TempDir
    Path dir;

    @Test
    void aVariableThatChangesShapeOrTypeIsRefusedBeforeItsRowIsWritten() throws Exception {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 3);
        g.put("x", Tensors.of(DType.FLOAT32, new double[] {1, 2, 3}, 3));
        RecordingSession rec = new RecordingSession(dir, List.of(new RecorderSpec("g", List.of("x"), List.of(), 1, null,
                "recorders[0]")), net, null);
        net.setIteration(1);
        g.put("x", Tensors.of(DType.FLOAT32, new double[] {4, 5, 6}, 3));
        rec.afterStep(net, 1);
        net.setIteration(2);
        g.put("x", Tensors.of(DType.FLOAT64, new double[] {7, 8, 9}, 3));
        ModelException e = assertThrows(ModelException.class, () -> rec.afterStep(net, 2));
        assertEquals("recording 'g'.'x' at step 2: it was FLOAT[3] when its file was opened, now DOUBLE[3]; a recorded"
                + " variable must keep its type and shape", e.getMessage());
        g.put("x", Tensors.of(DType.FLOAT32, new double[] {7, 8}, 2));
        e = assertThrows(ModelException.class, () -> rec.afterStep(net, 2));
        assertEquals("recording 'g'.'x' at step 2: it was FLOAT[3] when its file was opened, now FLOAT[2]; a recorded"
                + " variable must keep its type and shape", e.getMessage());
        rec.close();
        INDArray rows;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(dir.resolve("g.x.npy"))) {
            rows = NpyArrays.read(in);
        }
        assertArrayEquals(new long[] {2, 3}, rows.shape(), "the initial row and step 1, nothing of the refused ones");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Tensors.toDoubles(rows), 0);
    }
}
