package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.conex.runtime.KernelThreadPool;
import org.conex.runtime.recording.NpyType;
import org.conex.runtime.recording.NpyWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's folder and its recordings, read back with real NumPy. */
class RunFolderAndRecordingTest {
    @TempDir
    Path work;

    private static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> l = s.toList();
            assertEquals(1, l.size(), l.toString());
            return l.get(0);
        }
    }

    @Test
    void aRunWritesACompleteRunFolder() throws Exception {
        CliFixture cli = new CliFixture(work);
        CliFixture.Result r = cli.run("run", cli.model("six-lif.yaml").toString(), "--progress", "log", "--steps", "300");
        assertEquals(ExitCode.OK, r.code(), r.all());
        Path run = onlyRun(work.resolve("runs"));
        assertTrue(run.getFileName().toString().matches("six-lif-\\d{8}-\\d{6}"), run.toString());
        for (String f : List.of("model.yaml", "model.resolved.json", "run.json", "run.log", "recordings/index.json",
                "recordings/exc.v.npy", "recordings/exc.spikes.events.npy")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        JsonNode info = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals("completed", info.get("status").asText());
        assertEquals(300, info.get("last_step").asLong());
        assertEquals(42, info.get("seed").asLong());
        assertEquals(KernelThreadPool.threadsFor(0), info.get("kernel_threads").asInt(), "default: one per processor");
        assertTrue(info.get("providers").get("LIF").asText().startsWith("1.0.0 from "), info.toString());
        assertTrue(r.err().contains("progress: step 30/300 (10%)"), r.err());
        JsonNode index = new ObjectMapper().readTree(run.resolve("recordings/index.json").toFile());
        JsonNode v = index.get("files").get(0);
        assertEquals("exc.v.npy", v.get("file").asText());
        assertEquals("[301,6]", v.get("shape").toString(), "row 0 is the state after initialization");
        assertEquals(0, v.get("first_step").asLong());
        assertEquals(300, v.get("last_step").asLong());
    }

    @Test
    void theThreadCountChangesNoRecordedValue() throws Exception {
        CliFixture cli = new CliFixture(work);
        String model = cli.model("six-lif.yaml").toString();
        assertEquals(ExitCode.OK, cli.run("run", model, "--progress", "none", "--steps", "100", "--out", "one",
                "--threads", "1").code());
        CliFixture.Result r = cli.run("run", model, "--progress", "log", "--steps", "100", "--out", "three",
                "--threads", "3");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.err().contains("3 kernel threads"), r.err());
        assertEquals(3, new ObjectMapper().readTree(work.resolve("three/run.json").toFile()).get("kernel_threads").asInt());
        for (String f : List.of("recordings/exc.v.npy", "recordings/exc.spikes.events.npy")) {
            assertArrayEquals(Files.readAllBytes(work.resolve("one").resolve(f)),
                    Files.readAllBytes(work.resolve("three").resolve(f)), f);
        }
        for (String bad : List.of("0", "65")) {
            CliFixture.Result refused = cli.run("run", model, "--threads", bad, "--out", "bad-" + bad);
            assertEquals(ExitCode.INVALID, refused.code(), refused.all());
            assertTrue(refused.err().contains("--threads expects 1 to 64, found " + bad), refused.err());
            assertTrue(Files.notExists(work.resolve("bad-" + bad)), "nothing written");
        }
    }

    @Test
    void numpyLoadsTheRecordingsWithTheRightShapesAndValues() throws Exception {
        Assumptions.assumeTrue(CliFixture.hasNumpy(), "python3 with numpy is not installed: cannot check the .npy files"
                + " with NumPy (CI machines have it)");
        CliFixture cli = new CliFixture(work);
        assertEquals(ExitCode.OK, cli.run("run", cli.model("six-lif.yaml").toString(), "--progress", "none", "--steps",
                "200", "--out", "r").code());
        String out = CliFixture.python(work.resolve("r/recordings"), String.join("\n",
                "import numpy as np, json",
                "v = np.load('exc.v.npy'); e = np.load('exc.spikes.events.npy')",
                "idx = json.load(open('index.json'))",
                "print(v.shape, v.dtype, e.shape[1], e.dtype)",
                "print(repr(float(v[1, 1])), repr(float(v[2, 5])), float(v[0].max()))",
                "print(sorted(set(e[:, 1].tolist())), int(e[:, 0].min()) >= 1, int(e[:, 0].max()) <= 200)",
                "print([f['rows'] for f in idx['files']] == [v.shape[0], e.shape[0]])"));
        String[] lines = out.split("\n");
        assertEquals("(201, 6) float32 2 int64", lines[0]);
        // row 0: v = -65 after initialization; v(1) = -65 + ((-65+65) + 2*3) * 1/10 = -64.4 in float32;
        // neuron 5: -65 + 30*0.1 then one more step
        assertEquals("-64.4000015258789 -59.29999923706055 -65.0", lines[1]);
        assertEquals("[3, 4, 5] True True", lines[2]);
        assertEquals("True", lines[3]);
    }

    @Test
    void aPartiallyWrittenFileLoadsUpToItsLastFlush() throws Exception {
        Assumptions.assumeTrue(CliFixture.hasNumpy(), "python3 with numpy is not installed (CI machines have it)");
        Path f = work.resolve("partial.npy");
        NpyWriter w = NpyWriter.create(f, NpyType.FLOAT32, new long[] {3});
        for (int t = 0; t < 5; t++) {
            java.nio.ByteBuffer b = w.beginRow();
            b.putFloat(t).putFloat(t + 0.5f).putFloat(-t);
            w.endRow();
        }
        w.flush();
        for (int t = 5; t < 100_000; t++) { // more than the write buffer: bytes reach the file, the header is not updated
            java.nio.ByteBuffer b = w.beginRow();
            b.putFloat(t).putFloat(t).putFloat(t);
            w.endRow();
        }
        // no flush, no close: as after kill -9
        assertTrue(Files.size(f) > 5 * 12 + 128, "unflushed rows reached the disk");
        String out = CliFixture.python(work, "import numpy as np; a = np.load('partial.npy'); print(a.shape, a[4].tolist())");
        assertEquals("(5, 3) [4.0, 4.5, -4.0]", out);
        w.close();
        out = CliFixture.python(work, "import numpy as np; a = np.load('partial.npy'); print(a.shape, a[99999].tolist())");
        assertEquals("(100000, 3) [99999.0, 99999.0, 99999.0]", out);
    }

    @Test
    void numpyWrittenFilesReadBackExactly() throws Exception {
        Assumptions.assumeTrue(CliFixture.hasNumpy(), "python3 with numpy is not installed (CI machines have it)");
        CliFixture.python(work, "import numpy as np; np.save('a.npy', np.arange(12, dtype='<f4').reshape(3, 4) / 3)");
        try (java.io.InputStream in = Files.newInputStream(work.resolve("a.npy"))) {
            org.nd4j.linalg.api.ndarray.INDArray a = org.conex.runtime.recording.NpyArrays.read(in);
            assertArrayEquals(new long[] {3, 4}, a.shape());
            assertEquals(11f / 3f, a.getFloat(2, 3));
        }
    }
}
