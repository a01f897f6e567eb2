package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a refused run leaves behind: an invalid model writes nothing (validate reports it too), and
 * a checkpoint that does not fit the model leaves the run it belongs to exactly as it was.
 */
class RunRefusalsTest {
    private static final String BAD_RECORDERS = String.join("\n",
            "network: {seed: 3}",
            "groups:",
            "  - tag: exc",
            "    size: 4",
            "    behaviors:",
            "      - {type: SimpleDendriteStructure}",
            "      - {type: SimpleDendriteComputation}",
            "      - type: LIF",
            "        params: {R: 1, threshold: -55, tau: 10, v_reset: -70, v_rest: -65, init_v: -65}",
            "      - {type: Fire}",
            "recorders:",
            "  - {target: exc, variables: [nonexistent_var], events: [spikez]}",
            "");

    @TempDir
    Path work;

    @Test
    void validateReportsRecorderVariablesThatDoNotExist() throws Exception {
        CliFixture cli = new CliFixture(work);
        CliFixture.Result r = cli.run("validate", cli.write("rec.yaml", BAD_RECORDERS).toString());
        assertEquals(ExitCode.INVALID, r.code(), r.all());
        assertTrue(r.err().contains("rec.yaml: 2 problems"), r.err());
        assertTrue(r.err().contains("recorders[0].variables[0]: expected a variable of 'exc', found \"nonexistent_var\""),
                r.err());
        assertTrue(r.err().contains("recorders[0].events[0]: expected a variable of 'exc', found \"spikez\" (did you"
                + " mean spikes?)"), r.err());
        assertFalse(r.out().contains("valid"), r.out());
    }

    @Test
    void aRunOfAnInvalidModelWritesNoFolder() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.write("rec.yaml", BAD_RECORDERS);
        CliFixture.Result r = cli.run("run", m.toString(), "--steps", "3", "--out", "bad", "--progress", "none");
        assertEquals(ExitCode.INVALID, r.code(), r.all());
        assertTrue(r.err().contains("rec.yaml: 2 problems"), r.err());
        assertFalse(Files.exists(work.resolve("bad")), "no run folder is left for a model that never ran");
        CliFixture.Result inRuns = cli.run("run", m.toString(), "--steps", "3", "--runs-dir", "runs", "--progress",
                "none");
        assertEquals(ExitCode.INVALID, inRuns.code(), inRuns.all());
        assertFalse(Files.exists(work.resolve("runs")), "runs/ was created for this run only, so it goes too");
        Files.createDirectories(work.resolve("runs"));
        Files.writeString(work.resolve("runs/other.txt"), "kept");
        CliFixture.Result inExistingRuns = cli.run("run", m.toString(), "--steps", "3", "--runs-dir", "runs",
                "--progress", "none");
        assertEquals(ExitCode.INVALID, inExistingRuns.code(), inExistingRuns.all());
        try (var s = Files.list(work.resolve("runs"))) {
            assertEquals(java.util.List.of(work.resolve("runs/other.txt")), s.toList(),
                    "an existing runs/ keeps what it held and gets no folder of the refused run");
        }
        Files.createDirectories(work.resolve("x"));
        CliFixture.Result deep = cli.run("run", m.toString(), "--steps", "3", "--out", "x/a/b/c", "--progress",
                "none");
        assertEquals(ExitCode.INVALID, deep.code(), deep.all());
        assertTrue(deep.err().contains("removed the run folder"), deep.err());
        assertTrue(Files.isDirectory(work.resolve("x")), "a folder that existed stays");
        assertFalse(Files.exists(work.resolve("x/a")), "the folders created on the way to --out go with it");
        Files.createDirectories(work.resolve("mine"));
        CliFixture.Result intoEmpty = cli.run("run", m.toString(), "--steps", "3", "--out", "mine", "--progress",
                "none");
        assertEquals(ExitCode.INVALID, intoEmpty.code(), intoEmpty.all());
        assertTrue(Files.isDirectory(work.resolve("mine")), "an empty folder the user gave stays");
        try (var s = Files.list(work.resolve("mine"))) {
            assertEquals(0, s.count(), "and is empty again");
        }
        Files.createSymbolicLink(work.resolve("link"), work.resolve("mine"));
        CliFixture.Result viaLink = cli.run("run", m.toString(), "--steps", "3", "--out", "link", "--progress", "none");
        assertEquals(ExitCode.INVALID, viaLink.code(), viaLink.all());
        try (var s = Files.list(work.resolve("mine"))) {
            assertEquals(0, s.count(), "a link to an empty folder: the folder is emptied again");
        }
    }

    /** An initial state with Inf fails before the first step, without claiming a finite state to replay from. */
    @Test
    void aNonFiniteInitialStateFailsBeforeTheFirstStep() throws Exception {
        String yaml = String.join("\n",
                "network: {seed: 3}",
                "groups:",
                "  - {tag: a, size: 2, behaviors: [{type: SimpleDendriteStructure}, {type: SimpleDendriteComputation},",
                "      {type: LIF, params: {R: 1, threshold: -55, tau: 10, v_reset: -70, v_rest: -65, init_v: -65}},",
                "      {type: Fire}, {type: NeuronAxon}]}",
                "synapses:",
                "  - tag: s",
                "    src: a",
                "    dst: a",
                "    tags: [Proximal]",
                "    behaviors:",
                "      - {type: SynapseInit}",
                "      - {type: WeightInitializer, params: {mode: 'ones * 1e30', scale: 1.0e30}}",
                "      - {type: SimpleDendriticInput}",
                "");
        CliFixture cli = new CliFixture(work);
        CliFixture.Result r = cli.run("run", cli.write("inf.yaml", yaml).toString(), "--steps", "5", "--out", "inf",
                "--progress", "none");
        assertEquals(ExitCode.RUN_FAILED, r.code(), r.all());
        assertTrue(r.err().contains("NaN/Inf in the state before step 1 (as initialised): synapse group 's', variable"
                + " 'weights': element 0 is Infinity"), r.err());
        assertFalse(r.err().contains("replay"), r.err());
        assertTrue(Files.readString(work.resolve("inf/run.json")).contains("\"last_step\" : 0"),
                Files.readString(work.resolve("inf/run.json")));
    }

    @Test
    void aRefusedResumeLeavesTheRunFolderAsItWas() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("stdp-net.yaml");
        CliFixture.Result full = cli.run("run", m.toString(), "--steps", "40", "--checkpoint-every", "20", "--out", "ck",
                "--progress", "none");
        assertEquals(ExitCode.OK, full.code(), full.all());
        byte[] runJson = Files.readAllBytes(work.resolve("ck/run.json"));
        byte[] resolved = Files.readAllBytes(work.resolve("ck/model.resolved.json"));
        byte[] log = Files.readAllBytes(work.resolve("ck/run.log"));
        CliFixture.Result r = cli.run("run", m.toString(), "--resume", "ck/checkpoints/step-20.npz", "--steps", "40",
                "--set", "out.LIF.tau=9", "--progress", "none");
        assertEquals(ExitCode.CHECKPOINT, r.code(), r.all());
        assertTrue(r.err().contains("does not match this model") && r.err().contains("tau"), r.err());
        assertArrayEquals(runJson, Files.readAllBytes(work.resolve("ck/run.json")));
        assertArrayEquals(resolved, Files.readAllBytes(work.resolve("ck/model.resolved.json")));
        assertArrayEquals(log, Files.readAllBytes(work.resolve("ck/run.log")));

        // the same model with a recorder of a variable that does not exist: the checkpoint fits (recorders
        // are not part of the model's core), but the run is refused before anything in ck/ changes
        String bad = Files.readString(m).replaceFirst("(?s)\nrecorders:.*?\nrun:",
                "\nrecorders: [{target: out, variables: [vv]}]\nrun:");
        Path badModel = cli.write("bad.yaml", bad);
        CliFixture.Result r2 = cli.run("run", badModel.toString(), "--resume", "ck/checkpoints/step-20.npz", "--steps",
                "40", "--progress", "none");
        assertEquals(ExitCode.INVALID, r2.code(), r2.all());
        assertTrue(r2.err().contains("bad.yaml: 1 problem") && r2.err().contains("\"vv\""), r2.err());
        assertArrayEquals(runJson, Files.readAllBytes(work.resolve("ck/run.json")));
        assertArrayEquals(resolved, Files.readAllBytes(work.resolve("ck/model.resolved.json")));
        assertArrayEquals(log, Files.readAllBytes(work.resolve("ck/run.log")));
        assertTrue(Files.isRegularFile(work.resolve("ck/checkpoints/step-40.npz")), "the run's files stay");
    }
}
