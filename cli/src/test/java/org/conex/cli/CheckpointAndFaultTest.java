package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint and resume bit for bit; clean stops on behavior exceptions and NaN. */
class CheckpointAndFaultTest {
    @TempDir
    Path work;

    private static List<String> npyEntries(Path zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Collections.list(z.entries()).forEach(e -> names.add(e.getName()));
        }
        names.remove("checkpoint.json");
        Collections.sort(names);
        return names;
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(name);
            return z.getInputStream(e).readAllBytes();
        }
    }

    @Test
    void resumingAtStep1000GivesTheUninterruptedRunBitForBit() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("stdp-net.yaml");
        CliFixture.Result full = cli.run("run", m.toString(), "--steps", "2000", "--checkpoint-every", "1000",
                "--out", "full", "--progress", "none");
        assertEquals(ExitCode.OK, full.code(), full.all());
        CliFixture.Result half = cli.run("run", m.toString(), "--steps", "1000", "--checkpoint-every", "1000",
                "--out", "half", "--progress", "none");
        assertEquals(ExitCode.OK, half.code(), half.all());
        CliFixture.Result resumed = cli.run("run", "--resume", "half/checkpoints/step-1000.npz", "--steps", "2000",
                "--progress", "none");
        assertEquals(ExitCode.OK, resumed.code(), resumed.all());
        assertTrue(resumed.err().contains("resumed from") && resumed.err().contains("at step 1000"), resumed.err());

        for (String f : List.of("inp.spikes.events.npy", "out.spikes.events.npy", "out.v.npy", "dense.weights.npy")) {
            assertArrayEquals(Files.readAllBytes(work.resolve("full/recordings/" + f)),
                    Files.readAllBytes(work.resolve("half/recordings/" + f)), f);
        }
        Path a = work.resolve("full/checkpoints/step-2000.npz");
        Path b = work.resolve("half/checkpoints/step-2000.npz");
        List<String> entries = npyEntries(a);
        assertEquals(entries, npyEntries(b));
        assertTrue(entries.containsAll(List.of("dense/weights.npy", "sparse/weights.values.npy", "inp/axon/spikes_by_delay.npy",
                "out/spikes.npy", "dense/pre_trace.npy")), entries.toString());
        for (String e : entries) {
            assertArrayEquals(entry(a, e), entry(b, e), e);
        }
        JsonNode ma = new ObjectMapper().readTree(entry(a, "checkpoint.json"));
        JsonNode mb = new ObjectMapper().readTree(entry(b, "checkpoint.json"));
        assertEquals(ma.get("random_streams"), mb.get("random_streams"));
        assertTrue(ma.get("random_streams").size() > 0);
        long spikes = Files.size(work.resolve("full/recordings/out.spikes.events.npy"));
        assertTrue(spikes > 128 + 16 * 50, "the test network should spike; events file has " + spikes + " bytes");
    }

    @Test
    void anIncompatibleCheckpointIsRefusedWithWhatDiffers() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("stdp-net.yaml");
        assertEquals(ExitCode.OK, cli.run("run", m.toString(), "--steps", "20", "--checkpoint-every", "10", "--out", "a",
                "--progress", "none").code());
        CliFixture.Result r = cli.run("run", m.toString(), "--resume", "a/checkpoints/step-20.npz", "--steps", "40",
                "--set", "out.tau=9", "--out", "b", "--progress", "none");
        assertEquals(ExitCode.CHECKPOINT, r.code(), r.all());
        assertTrue(r.err().contains("does not match this model and the installed plugins; what differs:"), r.err());
        assertTrue(r.err().contains("groups[1].behaviors[2].params.tau: checkpoint 8.0, model 9"), r.err());

        Files.writeString(work.resolve("junk.npz"), "not a zip");
        r = cli.run("run", m.toString(), "--resume", "junk.npz", "--steps", "40", "--progress", "none");
        assertEquals(ExitCode.CHECKPOINT, r.code(), r.all());
        assertTrue(r.err().contains("is not a CoNeX checkpoint or is damaged"), r.err());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    private static final String FAULTY = String.join("\n",
            "network: {seed: 1}",
            "groups:",
            "  - tag: exc",
            "    size: 6",
            "    behaviors:",
            "      - {type: InputSequence, params: {variable: I, values: [[0.0, 3.0, 4.8, 5.5, 8.0, 15.0]]}}",
            "      - {type: LIF, params: {R: 2.0, tau: 10.0, threshold: -55.0, v_reset: -70.0, v_rest: -65.0}}",
            "      - {type: Fire}",
            "      - {type: FAULT, params: {step: 7}}",
            "recorders: [{target: exc, variables: [v], events: [spikes]}]",
            "run: {steps: 50, check_every: 1, flush_every: 1000}",
            "");

    private CliFixture faultyCli() {
        BehaviorRegistry reg = BehaviorRegistry.fromClassPath();
        reg.add(new FaultBehaviors(), "test faults", 0);
        return new CliFixture(work, reg);
    }

    /** A warning recorded during the run is shown and logged with its step; the run goes on. */
    @Test
    void aWarningDuringTheRunIsShownWithItsStep() throws Exception {
        CliFixture cli = faultyCli();
        Path m = cli.write("warn.yaml", FAULTY.replace("FAULT", "WarnAt"));
        CliFixture.Result r = cli.run("run", m.toString(), "--out", "w", "--progress", "none");
        assertEquals(ExitCode.OK, r.code(), r.all());
        String line = "warning at step 7: WarnAt on 'exc': something to look at";
        assertTrue(r.err().contains(line), r.err());
        assertTrue(Files.readString(work.resolve("w/run.log")).contains(line));
        assertEquals(1, r.err().split("something to look at", -1).length - 1, "shown once: " + r.err());
    }

    @Test
    void aThrowingBehaviorStopsTheRunCleanly() throws Exception {
        CliFixture cli = faultyCli();
        Path m = cli.write("throw.yaml", FAULTY.replace("FAULT", "ThrowAt"));
        CliFixture.Result r = cli.run("run", m.toString(), "--out", "t", "--progress", "none");
        assertEquals(ExitCode.RUN_FAILED, r.code(), r.all());
        assertTrue(r.err().contains("ThrowAt (priority 290) on neuron group 'exc' failed at step 7: index 12 out of"
                + " bounds for length 10"), r.err());
        assertFalse(r.all().contains("\tat "), "no stack trace: " + r.all());
        assertTrue(Files.isRegularFile(work.resolve("t/checkpoints/failed-step-7.npz")));
        JsonNode idx = new ObjectMapper().readTree(work.resolve("t/recordings/index.json").toFile());
        assertEquals(7, idx.get("files").get(0).get("rows").asLong(), "steps 0..6 recorded and flushed");
        JsonNode info = new ObjectMapper().readTree(work.resolve("t/run.json").toFile());
        assertEquals("failed", info.get("status").asText());
        assertEquals(1, info.get("exit_code").asInt());
    }

    @Test
    void nanInTheStateStopsTheRunNamingObjectVariableAndStep() throws Exception {
        CliFixture cli = faultyCli();
        Path m = cli.write("nan.yaml", FAULTY.replace("FAULT", "NanAt"));
        CliFixture.Result r = cli.run("run", m.toString(), "--out", "n", "--progress", "none");
        assertEquals(ExitCode.RUN_FAILED, r.code(), r.all());
        assertTrue(r.err().contains("NaN/Inf found after step 7 (checked every 1 steps; the state was finite after step"
                + " 6): neuron group 'exc', variable 'v': element 3 is NaN; behaviors of 'exc' (priority name): 250"
                + " InputSequence, 260 LIF, 291 NanAt, 340 Fire; first written at step 7 by behavior 'NanAt' (priority"
                + " 291) of neuron group 'exc': neuron group 'exc', variable 'v': element 3 is NaN"), r.err());
        assertTrue(r.err().contains("replaying from the initial state"), r.err());
        assertTrue(Files.isRegularFile(work.resolve("n/checkpoints/failed-step-7.npz")));
        JsonNode idx = new ObjectMapper().readTree(work.resolve("n/recordings/index.json").toFile());
        assertEquals(8, idx.get("files").get(0).get("rows").asLong(), "steps 0..7");
    }

    @Test
    void pruningKeepsTheReplayOriginAtOrBeforeTheLastFiniteCheck() throws Exception {
        CliFixture cli = faultyCli();
        Path m = cli.write("nan1.yaml", FAULTY.replace("FAULT", "NanAt")
                .replace("check_every: 1,", "check_every: 5, checkpoint_every: 1,"));
        CliFixture.Result r = cli.run("run", m.toString(), "--out", "k1", "--progress", "none", "--keep-checkpoints", "1");
        assertEquals(ExitCode.RUN_FAILED, r.code(), r.all());
        // Checkpoints after steps 1..9; only the newest (9) is kept by count, plus step 5, the newest at
        // or before the last finite check: the replay starts there, not from the initial state.
        assertTrue(r.err().contains("replaying from step 5 (step-5.npz)"), r.err());
        assertTrue(r.err().contains("first written at step 7 by behavior 'NanAt'"), r.err());
        try (var files = Files.list(work.resolve("k1/checkpoints"))) {
            assertEquals(List.of("failed-step-10.npz", "step-5.npz", "step-9.npz"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void checkpointingAnUnboundedInMemoryRecorderWarnsOnce() throws Exception {
        CliFixture cli = faultyCli();
        String base = FAULTY.replace("      - {type: FAULT, params: {step: 7}}\n", "")
                .replace("check_every: 1,", "check_every: 1, checkpoint_every: 5,").replace("steps: 50", "steps: 20");
        Path unbounded = cli.write("rec.yaml", base.replace("      - {type: Fire}\n",
                "      - {type: Fire}\n      - {type: Recorder, params: {variables: [v]}}\n"));
        CliFixture.Result r = cli.run("run", unbounded.toString(), "--out", "u", "--progress", "none");
        assertEquals(ExitCode.OK, r.code(), r.all());
        String warning = "every checkpoint saves the whole history of the in-memory recorders [exc ";
        assertTrue(r.err().contains(warning), r.err());
        assertEquals(r.err().indexOf(warning), r.err().lastIndexOf(warning), "warned once for 4 checkpoints");
        Path bounded = cli.write("rec-bounded.yaml", base.replace("      - {type: Fire}\n",
                "      - {type: Fire}\n      - {type: Recorder, params: {variables: [v], max_length: 10}}\n"));
        r = cli.run("run", bounded.toString(), "--out", "b", "--progress", "none");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertFalse(r.err().contains("whole history"), r.err());
    }

    @Test
    void aNanThatAReplayDoesNotReproduceIsReportedAsSuch() throws Exception {
        FaultBehaviors.NAN_ONCE_FIRED.set(false);
        CliFixture cli = faultyCli();
        Path m = cli.write("once.yaml", FAULTY.replace("FAULT", "NanOnce"));
        CliFixture.Result r = cli.run("run", m.toString(), "--out", "o", "--progress", "none");
        assertEquals(ExitCode.RUN_FAILED, r.code(), r.all());
        assertTrue(r.err().contains("NaN/Inf found after step 7"), r.err());
        assertTrue(r.err().contains("a replay from step 0 to step 7 stayed finite: the failure did not reproduce"),
                r.err());
    }

    @Test
    void aSparseNanCheckStillNamesTheBehaviorAndStepByReplayFromAPeriodicCheckpoint() throws Exception {
        CliFixture cli = faultyCli();
        Path m = cli.write("nan5.yaml", FAULTY.replace("FAULT", "NanAt")
                .replace("check_every: 1,", "check_every: 5, checkpoint_every: 2,"));
        CliFixture.Result r = cli.run("run", m.toString(), "--out", "n5", "--progress", "none");
        assertEquals(ExitCode.RUN_FAILED, r.code(), r.all());
        // The check after step 10 finds it; the state was finite after step 5, so the newest periodic
        // checkpoint at or before 5 (step 4) is the replay origin; the replay pins step 7 and NanAt.
        assertTrue(r.err().contains("NaN/Inf found after step 10 (checked every 5 steps; the state was finite after"
                + " step 5)"), r.err());
        assertTrue(r.err().contains("replaying from step 4 (step-4.npz)"), r.err());
        assertTrue(r.err().contains("first written at step 7 by behavior 'NanAt' (priority 291) of neuron group"
                + " 'exc': neuron group 'exc', variable 'v': element 3 is NaN"), r.err());
        assertTrue(Files.isRegularFile(work.resolve("n5/checkpoints/failed-step-10.npz")));
        JsonNode idx = new ObjectMapper().readTree(work.resolve("n5/recordings/index.json").toFile());
        assertEquals(11, idx.get("files").get(0).get("rows").asLong(), "the failed run's recordings are untouched");
    }
}
