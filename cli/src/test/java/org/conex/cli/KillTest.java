package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a run killed with SIGKILL in the middle leaves recordings that NumPy reads up to
 * their last flush (at least the rows index.json states, which are consistent across files) and a
 * resumable checkpoint.
 */
class KillTest {
    @TempDir
    Path work;

    @Test
    void afterKillMinus9EveryFlushedFileIsReadableAndTheIndexSaysHowFar() throws Exception {
        Assumptions.assumeTrue(CliFixture.hasNumpy(), "python3 with numpy is not installed (CI machines have it)");
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("stdp-net.yaml");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "org.conex.cli.ConexCli", "run", m.toString(),
                "--steps", "100000000", "--out", "k", "--progress", "none", "--set", "run.flush_every=50",
                "--checkpoint-every", "500"));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.txt").toFile()).start();
        Path index = work.resolve("k/recordings/index.json");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            if (Files.isRegularFile(work.resolve("k/checkpoints/step-1000.npz"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), "the run ended early:\n" + Files.readString(work.resolve("out.txt")));
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        p.waitFor();
        JsonNode idx = new ObjectMapper().readTree(index.toFile());
        StringBuilder script = new StringBuilder("import numpy as np\n");
        for (JsonNode f : idx.get("files")) {
            script.append("print('").append(f.get("file").asText()).append("', np.load('").append(f.get("file").asText())
                    .append("').shape[0])\n");
        }
        String out = CliFixture.python(work.resolve("k/recordings"), script.toString());
        int i = 0;
        for (JsonNode f : idx.get("files")) {
            String[] line = out.split("\n")[i++].split(" ");
            assertEquals(f.get("file").asText(), line[0]);
            // the index is one consistent snapshot of all files; a file flushed after it may hold more rows
            assertTrue(Long.parseLong(line[1]) >= f.get("rows").asLong(), f + " vs " + line[1]);
        }
        assertTrue(idx.get("step").asLong() >= 1000, idx.toString());

        CliFixture.Result r = cli.run("run", "--resume", "k/checkpoints/step-1000.npz", "--steps", "1200", "--progress",
                "none");
        assertEquals(ExitCode.OK, r.code(), r.all());
        JsonNode after = new ObjectMapper().readTree(index.toFile());
        assertEquals(1201, after.get("files").get(1).get("rows").asLong(), "out.v has one row per step 0..1200 again");
    }
}
