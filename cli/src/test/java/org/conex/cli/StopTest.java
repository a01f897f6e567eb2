package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop request (SIGTERM, like Ctrl-C's SIGINT) ends the run cleanly with a resumable checkpoint. */
class StopTest {
    @TempDir
    Path work;

    @Test
    void aTerminatedRunWritesAnInterruptedCheckpointThatResumes() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("stdp-net.yaml");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Xmx1g", "org.conex.cli.ConexCli", "run", m.toString(),
                "--steps", "100000000", "--out", "s", "--progress", "none", "--checkpoint-every", "500");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()
                && !Files.isRegularFile(work.resolve("s/checkpoints/step-500.npz"))) {
            Thread.sleep(100);
        }
        p.destroy(); // SIGTERM: runs the shutdown hooks, as Ctrl-C (SIGINT) does
        p.waitFor();
        String out = Files.readString(work.resolve("out.txt"));
        Path cp;
        try (Stream<Path> s = Files.list(work.resolve("s/checkpoints"))) {
            cp = s.filter(f -> f.getFileName().toString().startsWith("interrupted-step-")).findFirst().orElseThrow(
                    () -> new AssertionError("no interrupted checkpoint:\n" + out));
        }
        JsonNode info = new ObjectMapper().readTree(work.resolve("s/run.json").toFile());
        assertEquals("interrupted", info.get("status").asText(), info.toString());
        assertEquals(130, info.get("exit_code").asInt());
        long step = info.get("last_step").asLong();
        assertTrue(cp.getFileName().toString().equals("interrupted-step-" + step + ".npz"), cp.toString());
        assertTrue(out.contains("interrupted after step " + step + "; resume with --resume"), out);

        CliFixture.Result r = cli.run("run", "--resume", "s/checkpoints/" + cp.getFileName(), "--steps",
                String.valueOf(step + 50), "--progress", "none");
        assertEquals(ExitCode.OK, r.code(), r.all());
    }
}
