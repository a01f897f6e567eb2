package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.conex.cli.model.StructuresExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in example (MNIST digits through an input layer into a learning layer) runs, spikes,
 * learns, and plots its receptive fields. Needs the MNIST-10k files of shared/data.
 */
class DefaultExampleTest {
    @TempDir
    Path work;

    /** {@code conex example > my-model.yaml} anywhere gives a model that finds its data. */
    @Test
    void thePrintedExampleValidatesFromAnotherFolder() throws Exception {
        Path data = Path.of(System.getProperty("conex.shared.dir", "../../shared"), "data", "mnist10k",
                "images-idx3-ubyte.gz");
        Assumptions.assumeTrue(Files.isRegularFile(data), "MNIST-10k data not found at " + data);
        CliFixture cli = new CliFixture(work, org.conex.runtime.BehaviorRegistry.fromClassPath(),
                List.of(new StructuresExtension()));
        CliFixture.Result ex = cli.run("example");
        assertEquals(ExitCode.OK, ex.code(), ex.all());
        assertTrue(ex.out().contains("images: \"" + data.toAbsolutePath().normalize() + "\""), ex.out());
        Path elsewhere = Files.createDirectories(work.resolve("my/models")).resolve("mine.yaml");
        Files.writeString(elsewhere, ex.out());
        CliFixture.Result v = cli.run("validate", elsewhere.toString());
        assertEquals(ExitCode.OK, v.code(), v.all());
        assertTrue(!v.all().contains("warning:"), "the example itself draws no warning: " + v.all());
    }

    @Test
    void theDefaultExampleLearnsDigits() throws Exception {
        Path data = Path.of(System.getProperty("conex.shared.dir", "../../shared"), "data", "mnist10k",
                "images-idx3-ubyte.gz");
        Assumptions.assumeTrue(Files.isRegularFile(data), "MNIST-10k data not found at " + data);
        CliFixture cli = new CliFixture(work);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        CliContext ctx = new CliContext(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true),
                cli.registry, List.of(new StructuresExtension()), work);
        int code = ConexCli.run(new String[] {"run", "--steps", "1500", "--out", "d", "--progress", "none"}, ctx);
        assertEquals(ExitCode.OK, code, err.toString());
        JsonNode idx = new ObjectMapper().readTree(work.resolve("d/recordings/index.json").toFile());
        long input = 0;
        long exc = 0;
        for (JsonNode f : idx.get("files")) {
            if (f.get("file").asText().equals("input.Sensory.spikes.events.npy")) {
                input = f.get("rows").asLong();
            }
            if (f.get("file").asText().equals("exc.spikes.events.npy")) {
                exc = f.get("rows").asLong();
            }
        }
        assertTrue(input > 1500 * 5 && input < 1500 * 100, "input spikes: " + input);
        assertTrue(exc > 300, "excitatory spikes: " + exc);
        code = ConexCli.run(new String[] {"plot", "d"}, ctx);
        assertEquals(ExitCode.OK, code, err.toString());
        assertTrue(Files.isRegularFile(work.resolve("d/plots/weights-input_exc.weights.fields.png")));
        assertTrue(Files.isRegularFile(work.resolve("d/checkpoints/step-1000.npz")));
    }
}
