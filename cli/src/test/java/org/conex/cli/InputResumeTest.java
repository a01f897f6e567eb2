package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.cli.model.StructuresExtension;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.recording.NpyArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conex run --resume} of a model whose input layers read a dataset ({@code inputs} +
 * {@code InputLayer}): stopping at step 100 and resuming gives the files and the final checkpoint
 * of the uninterrupted 200-step run byte for byte: input frames (the data continues where it was,
 * in its second pass), spikes, membrane potentials, weights, the in-memory EventRecorder and the
 * random streams. One input encodes from the network's stream, the other from its own seed.
 */
class InputResumeTest {
    @TempDir
    Path work;

    private CliFixture cli() throws Exception {
        CliFixture cli = new CliFixture(work, BehaviorRegistry.fromClassPath(), List.of(new StructuresExtension()));
        Random r = new Random(4);
        double[] pixels = new double[7 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextDouble() < 0.5 ? 0 : r.nextDouble();
        }
        try (OutputStream out = Files.newOutputStream(work.resolve("pixels.npy"))) {
            NpyArrays.write(Tensors.of(DType.FLOAT32, pixels, 7, 4, 4), out);
        }
        try (OutputStream out = Files.newOutputStream(work.resolve("labels.npy"))) {
            NpyArrays.write(Tensors.longs(new long[] {3, 1, 4, 1, 5, 9, 2}, 7), out);
        }
        cli.model("input-layer-net.yaml");
        return cli;
    }

    private static List<String> entries(Path zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Collections.list(z.entries()).forEach(e -> names.add(e.getName()));
        }
        Collections.sort(names);
        return names;
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void resumingAModelWithInputLayersGivesTheUninterruptedRunByteForByte() throws Exception {
        CliFixture cli = cli();
        CliFixture.Result full = cli.run("run", "input-layer-net.yaml", "--checkpoint-every", "100", "--out", "full",
                "--progress", "none");
        assertEquals(ExitCode.OK, full.code(), full.all());
        CliFixture.Result half = cli.run("run", "input-layer-net.yaml", "--steps", "100", "--checkpoint-every", "100",
                "--out", "half", "--progress", "none");
        assertEquals(ExitCode.OK, half.code(), half.all());
        CliFixture.Result resumed = cli.run("run", "--resume", "half/checkpoints/step-100.npz", "--steps", "200",
                "--progress", "none");
        assertEquals(ExitCode.OK, resumed.code(), resumed.all());
        assertTrue(resumed.err().contains("at step 100"), resumed.err());

        for (String f : List.of("input.Sensory.spikes.events.npy", "noise.Sensory.spikes.events.npy",
                "exc.spikes.events.npy", "exc.v.npy", "input_exc.weights.npy")) {
            assertArrayEquals(Files.readAllBytes(work.resolve("full/recordings/" + f)),
                    Files.readAllBytes(work.resolve("half/recordings/" + f)), f);
        }
        Path a = work.resolve("full/checkpoints/step-200.npz");
        Path b = work.resolve("half/checkpoints/step-200.npz");
        List<String> names = entries(a);
        assertEquals(names, entries(b));
        assertTrue(names.containsAll(List.of("input/@320/position.npy", "input/@320/sensory.npy",
                "input/@320/labels.npy", "noise/@320/position.npy", "exc/@1000/samples_0.npy")), names.toString());
        for (String e : names) {
            if (!e.equals("checkpoint.json")) {
                assertArrayEquals(entry(a, e), entry(b, e), e);
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode ma = json.readTree(entry(a, "checkpoint.json"));
        JsonNode mb = json.readTree(entry(b, "checkpoint.json"));
        assertEquals(ma.get("random_streams"), mb.get("random_streams"));
        assertNotNull(ma.get("random_streams").get("input/pixels/Poisson"));
        assertEquals(ma.get("objects"), mb.get("objects"));

        // 7 digits of 8 steps (6 frames, 2 silent) per pass: step 200 = 3 * 56 + 32 is the last silent step
        // after the 4th digit of the 4th pass, and step 100 = 56 + 44 was frame 4 of the 6th digit of the 2nd
        long[] position = NpyArrays.read(new java.io.ByteArrayInputStream(entry(b, "input/@320/position.npy")))
                .toLongVector();
        assertArrayEquals(new long[] {3, 4, 6, 0, 0, 0}, position, java.util.Arrays.toString(position));
        position = NpyArrays.read(new java.io.ByteArrayInputStream(entry(work.resolve("full/checkpoints/step-100.npz"),
                "input/@320/position.npy"))).toLongVector();
        assertArrayEquals(new long[] {1, 6, 4, 0, 0, 0}, position, java.util.Arrays.toString(position));
        long excSpikes = Files.size(work.resolve("full/recordings/exc.spikes.events.npy"));
        assertTrue(excSpikes > 128 + 16 * 40, "exc should spike: its events file has " + excSpikes + " bytes");
    }

    @Test
    void resumingWithDataShorterThanTheSavedPositionIsRefused() throws Exception {
        CliFixture cli = cli();
        assertEquals(ExitCode.OK, cli.run("run", "input-layer-net.yaml", "--steps", "100", "--checkpoint-every", "100",
                "--out", "half", "--progress", "none").code());
        try (OutputStream out = Files.newOutputStream(work.resolve("pixels.npy"))) {
            NpyArrays.write(Tensors.of(DType.FLOAT32, new double[2 * 16], 2, 4, 4), out);
        }
        try (OutputStream out = Files.newOutputStream(work.resolve("labels.npy"))) {
            NpyArrays.write(Tensors.longs(new long[] {3, 1}, 2), out);
        }
        CliFixture.Result r = cli.run("run", "--resume", "half/checkpoints/step-100.npz", "--steps", "200",
                "--progress", "none");
        assertEquals(ExitCode.CHECKPOINT, r.code(), r.all());
        assertTrue(r.err().contains("input @320: SpikeNdDataset on 'input': the data ended at batch 2 of pass 1, before"
                + " the saved position (batch 6 of pass 1): it is not the data the checkpoint was taken with"), r.err());
        assertTrue(!r.all().contains("\tat "), "no stack trace: " + r.all());
    }
}
