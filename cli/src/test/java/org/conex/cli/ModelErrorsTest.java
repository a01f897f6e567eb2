package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.model.MemoryEstimate;
import org.conex.runtime.model.ModelInvalidException;
import org.conex.runtime.model.ModelProblem;
import org.conex.runtime.model.ModelReader;
import org.conex.runtime.model.ModelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees for broken model files: every problem at once, with its JSON path. */
class ModelErrorsTest {
    private static final BehaviorRegistry REGISTRY = BehaviorRegistry.fromClassPath();

    @TempDir
    Path work;

    private static List<ModelProblem> problems(String yaml) {
        try {
            new ModelReader(REGISTRY, List.of(), MemoryEstimate.Budget.of(1L << 30))
                    .read(ModelSource.parse("m.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), null), "m");
        } catch (ModelInvalidException e) {
            return e.problems();
        }
        return List.of();
    }

    private static String paths(List<ModelProblem> ps) {
        return ps.stream().map(ModelProblem::path).collect(Collectors.joining(" | "));
    }

    @Test
    void fiveMistakesGiveFiveMessagesInOneRun() throws Exception {
        String yaml = String.join("\n",
                "network: {dt: -1, seed: 3}",
                "groups:",
                "  - tag: exc",
                "    size: 10",
                "    behaviors:",
                "      - type: LIFF",
                "      - type: LIF",
                "        params: {R: 1, threshold: -55, tau: -10, v_reset: -70, v_rest: -65}",
                "  - tag: inh",
                "    size: -4",
                "synapses:",
                "  - {src: exc, dst: inhh}",
                "");
        List<ModelProblem> ps = problems(yaml);
        assertEquals("network.dt | groups[0].behaviors[0].type | groups[0].behaviors[1].params.tau | groups[1].size"
                + " | synapses[0].dst", paths(ps));
        assertEquals("expected a time step > 0 (ms), found -1.0", ps.get(0).message());
        assertTrue(ps.get(1).message().startsWith("unknown behavior \"LIFF\" (did you mean LIF"), ps.get(1).message());
        assertEquals("LIF: parameter 'tau' expected a number or a list of numbers > 0, found the number -10.0", ps.get(2).message());
        assertEquals("expected an integer between 1 and 2147483647, found -4", ps.get(3).message());
        assertTrue(ps.get(4).message().startsWith("expected the tag of a neuron group, found \"inhh\" (did you mean inh?)"),
                ps.get(4).message());

        CliFixture cli = new CliFixture(work, REGISTRY);
        CliFixture.Result r = cli.run("validate", cli.write("five.yaml", yaml).toString());
        assertEquals(ExitCode.INVALID, r.code());
        assertTrue(r.err().contains("five.yaml: 5 problems"), r.err());
        assertTrue(r.err().contains("  groups[0].behaviors[1].params.tau: LIF: parameter 'tau' expected a number or a list"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void classNamesAreRefusedWithTheRegisteredName() {
        List<ModelProblem> ps = problems("groups: [{tag: a, size: 2, behaviors: [{type: org.conex.behaviors.neurons.LIF}]}]");
        assertEquals(1, ps.size());
        assertEquals("groups[0].behaviors[0].type", ps.get(0).path());
        assertTrue(ps.get(0).message().contains("found the class name \"org.conex.behaviors.neurons.LIF\"")
                && ps.get(0).message().contains("write \"LIF\""), ps.get(0).message());
    }

    @Test
    void parametersWrittenBesideTypeAreShownWhereTheyBelong() {
        List<ModelProblem> ps = problems("groups: [{tag: a, size: 2, behaviors: [{type: NeuronAxon, max_delay: 3}]}]");
        assertEquals("groups[0].behaviors[0].max_delay", ps.get(0).path());
        assertTrue(ps.get(0).message().contains("belongs under 'params'"), ps.get(0).message());
    }

    @Test
    void unknownKeysGetDidYouMean() {
        List<ModelProblem> ps = problems("groups: [{tag: a, szie: 2}]\nrecorder: []");
        assertEquals("recorder | groups[0].szie | groups[0].size", paths(ps));
        assertTrue(ps.get(1).message().startsWith("unknown key 'szie' (did you mean size?)"), ps.get(1).message());
        assertTrue(ps.get(0).message().startsWith("unknown key 'recorder' (did you mean recorders?)"));
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndFound() {
        List<ModelProblem> ps = problems("network: {seed: \"abc\", dtype: float16}\ngroups: {tag: a}\nrun: {steps: 1.5}");
        assertEquals("network.dtype | network.seed | groups | run.steps", paths(ps));
        assertEquals("expected an integer, found the text \"abc\"", ps.get(1).message());
        assertEquals("expected a list, found an object with keys [tag]", ps.get(2).message());
        assertEquals("expected an integer >= 0, found the fraction 1.5", ps.get(3).message());
    }

    @Test
    void hugeNetworksAreRefusedBeforeAllocationWithTheEstimate() {
        List<ModelProblem> ps = problems("groups: [{tag: a, size: 200000}, {tag: b, size: 300000}]\n"
                + "synapses: [{src: a, dst: b}]");
        assertEquals(1, ps.size());
        assertEquals("synapses[0]", ps.get(0).path());
        assertTrue(ps.get(0).message().startsWith("the network would need about 447.1 GiB but 1.0 GiB is available"),
                ps.get(0).message());
        assertTrue(ps.get(0).message().contains("200000 x 300000 weights x 4 bytes x 2 matrices"));
    }

    @Test
    void nonUtf8AndTruncatedFilesNameThePlace() throws Exception {
        CliFixture cli = new CliFixture(work, REGISTRY);
        Path bad = work.resolve("latin1.yaml");
        Files.write(bad, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        CliFixture.Result r = cli.run("validate", bad.toString());
        assertEquals(ExitCode.INVALID, r.code());
        assertTrue(r.err().contains("$: expected UTF-8 text, found the byte 0xE9 at line 1, column 7"), r.err());

        Path cut = cli.write("cut.json", "{\"groups\": [{\"tag\": \"a\", \"size\": 3}");
        r = cli.run("validate", cut.toString());
        assertEquals(ExitCode.INVALID, r.code());
        assertTrue(r.err().contains("the JSON document ends too early") && r.err().contains("truncated"), r.err());
    }

    /** A behavior that refuses to initialise is named by its JSON path in the file. */
    @Test
    void initializationFailuresCarryTheBehaviorsPath() throws Exception {
        String yaml = String.join("\n",
                "groups:",
                "  - tag: exc",
                "    size: 3",
                "    behaviors:",
                "      - {type: SimpleDendriteStructure}",
                "      - type: LIF",
                "        params: {R: [1, 2], threshold: -55, tau: 10, v_reset: -70, v_rest: -65}",
                "");
        CliFixture cli = new CliFixture(work, REGISTRY);
        Path m = cli.write("listlen.yaml", yaml);
        CliFixture.Result v = cli.run("validate", m.toString());
        assertEquals(ExitCode.INVALID, v.code(), v.all());
        assertTrue(v.err().contains("listlen.yaml: the network does not initialise: groups[0].behaviors[1]: LIF"
                + " (priority 260)"), v.err());
        assertTrue(v.err().contains("'R' has 2 values, expected one number or 3"), v.err());
        CliFixture.Result r = cli.run("run", m.toString(), "--steps", "2", "--out", "ll", "--progress", "none");
        assertEquals(ExitCode.INVALID, r.code(), r.all());
        assertTrue(r.err().contains("groups[0].behaviors[1]: LIF (priority 260)"), r.err());
    }

    @Test
    void fileSystemFailuresSayWhatWentWrongNotOnlyThePath() {
        assertEquals("/x/runs: permission denied", RunCommand.reason(new java.nio.file.AccessDeniedException("/x/runs")));
        assertEquals("/x/runs: a file is in the way",
                RunCommand.reason(new java.nio.file.FileAlreadyExistsException("/x/runs")));
        assertEquals("/proc/nope: No such file or directory", RunCommand.reason(
                new java.nio.file.FileSystemException("/proc/nope", null, "No such file or directory")));
        assertEquals("/proc/nope: FileSystemException",
                RunCommand.reason(new java.nio.file.FileSystemException("/proc/nope")));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
                "needs Linux's /proc, where no folder can be created");
        CliFixture cli = new CliFixture(work, REGISTRY);
        CliFixture.Result r;
        try {
            r = cli.run("run", cli.model("stdp-net.yaml").toString(), "--out", "/proc/conex-test/out", "--steps", "1",
                    "--progress", "none");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(ExitCode.IO, r.code(), r.all());
        assertTrue(r.err().matches("(?s).*cannot create the run folder: /proc/conex-test\\S*: \\S.*"), r.err());
    }

    /** A problem in a value the command line wrote says so. */
    @Test
    void problemsInCommandLineValuesNameTheOption() throws Exception {
        CliFixture cli = new CliFixture(work, REGISTRY);
        Path m = cli.model("stdp-net.yaml");
        CliFixture.Result r = cli.run("validate", m.toString(), "--set", "out.LIF.tau=-1", "--set", "run.flush_every=0");
        assertEquals(ExitCode.INVALID, r.code(), r.all());
        assertTrue(r.err().matches("(?s).*groups\\[1\\]\\.behaviors\\[2\\]\\.params\\.tau: LIF: parameter 'tau' [^\\n]*"
                + "\\(from --set out\\.LIF\\.tau=-1\\).*"), r.err());
        assertTrue(r.err().matches("(?s).*run\\.flush_every: [^\\n]*\\(from --set run\\.flush_every=0\\).*"), r.err());
        assertTrue(r.err().contains("stdp-net.yaml: 2 problems"), r.err());
    }

    @Test
    void missingFileIsAnIoErrorForRunAndValidate() {
        CliFixture cli = new CliFixture(work, REGISTRY);
        CliFixture.Result v = cli.run("validate", "nope.yaml");
        assertEquals(ExitCode.IO, v.code(), v.all());
        assertTrue(v.err().contains("nope.yaml: 1 problem") && v.err().contains("no such file"), v.err());
        CliFixture.Result r = cli.run("run", "nope.yaml");
        assertEquals(ExitCode.IO, r.code());
        assertTrue(r.err().contains("nope.yaml: 1 problem") && r.err().contains("no such file"), r.err());
    }

    @Test
    void overridesAreCheckedLikeTheFile() throws Exception {
        CliFixture cli = new CliFixture(work, REGISTRY);
        Path m = cli.model("stdp-net.yaml");
        CliFixture.Result r = cli.run("validate", m.toString(), "--set", "out.tau=-1", "--set", "nobody.x=1",
                "--set", "dense.a_plus=0.1", "--no-init");
        assertEquals(ExitCode.INVALID, r.code(), r.all());
        assertTrue(r.err().contains("command line: --set nobody.x=1: no group or synapse group with tag 'nobody'"),
                r.err());
        assertTrue(r.err().contains("groups[1].behaviors[2].params.tau: LIF: parameter 'tau' expected a number or a list of numbers > 0"),
                r.err());
        r = cli.run("validate", m.toString(), "--set", "dense.a_plus=0.1", "--no-init", "--resolved");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.out().contains("\"a_plus\" : 0.1"), r.out());
    }
}
