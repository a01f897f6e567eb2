package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.conex.cli.model.StructuresExtension;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structures from the structures plugin inside a model file. */
class StructuresInModelTest {
    @TempDir
    Path work;

    private static final String MODEL = String.join("\n",
            "network: {seed: 3}",
            "groups:",
            "  - tag: inp",
            "    size: 4",
            "    behaviors:",
            "      - {type: InputSequence, params: {variable: spikes, dtype: bool, values: [[1, 0, 1, 0], [0, 1, 0, 1]]}}",
            "      - {type: NeuronAxon}",
            "structures:",
            "  - type: LAYER_TYPE",
            "    tag: L1",
            "    members:",
            "      - type: NeuronGroup",
            "        tag: L1_exc",
            "        size: 3",
            "        behaviors:",
            "          - {type: SimpleDendriteStructure}",
            "          - {type: SimpleDendriteComputation}",
            "          - {type: LIF, params: {R: 1, tau: 5, threshold: -55, v_reset: -70, v_rest: -65, init_v: -65}}",
            "          - {type: Fire}",
            "synapses:",
            "  - tag: s",
            "    src: inp",
            "    dst: L1_exc",
            "    tags: [Proximal]",
            "    behaviors:",
            "      - {type: SynapseInit}",
            "      - {type: WeightInitializer, params: {mode: ones, scale: 6}}",
            "      - {type: SimpleDendriticInput}",
            "recorders: [{target: L1_exc, variables: [v]}]",
            "run: {steps: 20}",
            "");

    private int run(String yaml, String command, ByteArrayOutputStream out, ByteArrayOutputStream err)
            throws Exception {
        Path m = work.resolve("m.yaml");
        Files.writeString(m, yaml);
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), BehaviorRegistry.fromClassPath(),
                List.of(new StructuresExtension()), work);
        return ConexCli.run(command.equals("run") ? new String[] {command, "m.yaml", "--progress", "none"}
                : new String[] {command, "m.yaml"}, ctx);
    }

    @Test
    void aLayerIsBuiltAndItsGroupsCanBeConnectedAndRecorded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(MODEL.replace("LAYER_TYPE", "Layer"), "validate", out, err);
        assertEquals(ExitCode.OK, code, err.toString(StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("L1_exc") && o.contains("s                inp -> L1_exc"), o);
    }

    @Test
    void structureMistakesAreReportedWithThePathOfTheEntry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(MODEL.replace("LAYER_TYPE", "Layr"), "run", out, err);
        assertEquals(ExitCode.INVALID, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("structures[0].type: unknown structure \"Layr\" (did you mean Layer"), e);
        assertTrue(e.contains("synapses[0].dst: expected the tag of a neuron group, found \"L1_exc\""), e);

        err.reset();
        code = run(MODEL.replace("LAYER_TYPE", "Layer").replace("size: 3", "size: -3"), "validate", out, err);
        assertEquals(ExitCode.INVALID, code);
        e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("structures[0].members[0].size: NeuronGroup 'L1_exc': 'size' must be a whole number"
                + " from 1"), e);
    }

    /** All the mistakes inside one structure entry are listed, each at its member's path. */
    @Test
    void everyMistakeInsideAStructureIsAProblemOfItsOwn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(MODEL.replace("LAYER_TYPE", "Layer").replace("{type: Fire}", "{type: Fyre}")
                .replace("tau: 5,", "tau: five,"), "validate", out, err);
        assertEquals(ExitCode.INVALID, code);
        String e = err.toString(StandardCharsets.UTF_8);
        // both mistakes of the member, then what the missing layer breaks: the synapse and recorder on L1_exc
        assertTrue(e.contains("m.yaml: 4 problems"), e);
        assertTrue(e.contains("structures[0].members[0]: NeuronGroup 'L1_exc': unknown behavior 'Fyre'"), e);
        assertTrue(e.contains("structures[0].members[0]: NeuronGroup 'L1_exc': LIF: parameter 'tau' expected a number"),
                e);
        assertTrue(e.contains("synapses[0].dst: ") && e.contains("recorders[0].target: "), e);
    }

    /** Behaviors inside structure members get the same dtype range check as the file's own groups. */
    @Test
    void aMemberParameterTheDtypeCannotHoldIsAProblem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(MODEL.replace("LAYER_TYPE", "Layer").replace("threshold: -55", "threshold: 1.0e39"), "validate",
                out, err);
        assertEquals(ExitCode.INVALID, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("structures[0].members[0]: NeuronGroup 'L1_exc'") && e.contains("parameter 'threshold' ="
                + " 1.0E39 is more than float32 can hold (magnitude at most 3.4028235E38)"), e);
    }

    @Test
    void anInputLayerNamingNoInputGetsTheInputNames() throws Exception {
        String yaml = String.join("\n",
                "inputs:",
                "  - name: digits",
                "    dataset: {type: NpyDataset, params: {data: px.npy}}",
                "structures:",
                "  - type: InputLayer",
                "    tag: input",
                "    params: {data: digit, sensory_size: [2, 2], instance_duration: 2}",
                "");
        try (java.io.OutputStream o = Files.newOutputStream(work.resolve("px.npy"))) {
            org.conex.runtime.recording.NpyArrays.write(org.conex.api.tensor.Tensors.of(
                    org.conex.api.tensor.DType.FLOAT32, new double[8], 2, 2, 2), o);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCode.INVALID, run(yaml, "validate", out, err));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("structures[0].params.data: expected the name of an entry of 'inputs', found \"digit\""
                + " (did you mean digits?); inputs: [digits]"), e);
    }
}
