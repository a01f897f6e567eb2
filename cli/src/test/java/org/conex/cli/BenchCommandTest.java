package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conex bench} runs the benchmark suite (no timing assertions: only that it runs and what it prints). */
class BenchCommandTest {
    @TempDir
    Path work;

    @Test
    void helpListsTheWorkloadsAndOptions() {
        CliFixture.Result r = new CliFixture(work).run("bench", "--help");
        assertEquals(ExitCode.OK, r.code());
        assertTrue(r.out().contains("Usage: conex bench") && r.out().contains("simple-lif")
                && r.out().contains("conex-10k") && r.out().contains("--same-jvm") && r.out().contains("--model"),
                r.out());
    }

    @Test
    void unknownWorkloadIsAUsageError() {
        CliFixture.Result r = new CliFixture(work).run("bench", "no-such-workload");
        assertEquals(ExitCode.INVALID, r.code());
        assertTrue(r.err().contains("unknown workload 'no-such-workload'"), r.err());
    }

    @Test
    void aTinyRunPrintsTheResultLineSummaryAndJson() throws Exception {
        CliFixture.Result r = new CliFixture(work).run("bench", "conex-1k", "--runs", "1", "--warmup", "1",
                "--warmup-seconds", "0", "--json", "out.json", "--threads", "2");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.out().contains("kernel threads: 2 (the caller and 1 helper"), r.out());
        assertTrue(r.out().contains("sim s median"), r.out());
        // the deterministic summary of the cortical workload at N = 1k (docs/performance.md)
        assertTrue(r.out().contains("conex-1k") && r.out().contains("input_spikes=5902 exc_spikes=20976"), r.out());
        assertTrue(r.out().contains("start-up (conex-1k"), r.out());
        String json = Files.readString(work.resolve("out.json"));
        assertTrue(json.contains("\"name\" : \"conex-1k\"") && json.contains("\"exc_spikes\" : 20976"), json);
        assertTrue(json.contains("\"threads\" : 2"), json);
    }

    @Test
    void aThreadCountOutOfRangeIsAUsageError() {
        CliFixture.Result r = new CliFixture(work).run("bench", "conex-1k", "--threads", "0");
        assertEquals(ExitCode.INVALID, r.code());
        assertTrue(r.err().contains("--threads expects 1 to 64, found 0"), r.err());
    }

    @Test
    void modelModeMeasuresTheDefaultExampleShape() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("six-lif.yaml");
        CliFixture.Result r = cli.run("bench", "--model", m.toString(), "--warmup", "5", "--repeat", "1",
                "--steps", "10");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.out().contains("10 steps per repetition") && r.out().contains("repetition 1:"), r.out());
        r = cli.run("bench", "conex-1k", "--model", m.toString());
        assertEquals(ExitCode.INVALID, r.code());
    }
}
