package org.conex.behaviors.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.DType;
import org.conex.runtime.checkpoint.Checkpoint;
import org.conex.runtime.checkpoint.CheckpointWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checkpoint and resume through the runtime's real checkpoint file ({@link CheckpointWriter},
 * {@link Checkpoint#restoreInto}) on {@link StatefulNetwork}: N steps, a checkpoint, a freshly
 * built and initialised network restored from it and N more steps must equal 2N uninterrupted
 * steps bit for bit: the spikes of every group and the weights of every synapse at every step, and
 * the complete state ({@link StateDigest}) at the end. The negative controls show that each piece
 * of behavior-held state matters: dropping it makes the resumed run diverge.
 */
class CheckpointResumeTest {
    private static final long SEED = 20240611L;
    private static final int N = 40;

    private static Path checkpoint(Path dir, Network net) throws IOException {
        Path file = dir.resolve("step-" + net.iteration() + ".ckpt");
        ObjectMapper m = new ObjectMapper();
        CheckpointWriter.write(file, net, m.createObjectNode(), m.createObjectNode(), Map.of(), Map.of());
        return file;
    }

    private static StatefulRun resumed(DType dtype, Path file) {
        StatefulRun r = new StatefulRun(dtype, SEED);
        Checkpoint.open(file).restoreInto(r.net);
        return r;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void resumingFromACheckpointEqualsTheUninterruptedRun(DType dtype, @TempDir Path dir) throws IOException {
        StatefulRun straight = new StatefulRun(dtype, SEED).steps(2 * N);
        Path file = checkpoint(dir, new StatefulRun(dtype, SEED).steps(N).net);

        StatefulRun resumed = resumed(dtype, file).steps(N);

        assertEquals(N, resumed.net.iteration() - N);
        for (int i = 0; i < N; i++) {
            assertEquals(straight.steps.get(N + i), resumed.steps.get(i), "step " + (N + i + 1));
        }
        assertEquals(List.of(), StateDigest.of(straight.net).differences(StateDigest.of(resumed.net)));
    }

    @Test
    void theModelIsActiveEnoughForTheComparisonToMean() {
        StatefulRun r = new StatefulRun(DType.FLOAT32, SEED).steps(2 * N);
        for (String g : StatefulNetwork.GROUPS) {
            long distinct = r.steps.stream().map(s -> s.split(" " + g + ".spikes=")[1].split(" ")[0]).distinct()
                    .count();
            assertTrue(distinct > 5, g + " shows only " + distinct + " distinct spike patterns in " + 2 * N + " steps");
        }
        StateDigest start = StateDigest.of(new StatefulRun(DType.FLOAT32, SEED).net);
        StateDigest end = StateDigest.of(r.net);
        for (String s : StatefulNetwork.SYNAPSES) {
            assertNotEquals(start.get(s + ".weights"), end.get(s + ".weights"), s + " did not learn");
        }
    }

    @Test
    void theCheckpointHoldsTheBehaviorStateAndLeavesOutOnlyStaticValues(@TempDir Path dir) throws IOException {
        Path file = checkpoint(dir, new StatefulRun(DType.FLOAT32, SEED).steps(3).net);
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (String entry : List.of("in/axon/spikes_by_delay.npy", "exc/axon/spikes_by_delay.npy",
                    "exc/@220/Proximal.npy", "exc/@220/Distal.npy", "exc/@220/Apical.npy",
                    "exc/@341/updating_rate.npy", "map/@220/Proximal.npy")) {
                assertNotNull(z.getEntry(entry), entry + " missing from the checkpoint");
            }
            JsonNode manifest;
            try (InputStream in = z.getInputStream(z.getEntry("checkpoint.json"))) {
                manifest = new ObjectMapper().readTree(in);
            }
            TreeSet<String> notSaved = new TreeSet<>();
            manifest.path("not_saved").forEach(n -> notSaved.add(n.asText().replaceAll(" \\(.*", "")
                    .replaceAll("^[^.]*\\.", "")));
            assertTrue(Set.of("dst_shape", "kernel_shape", "padding", "src_shape", "stride").containsAll(notSaved),
                    "only geometry that initialization recreates may be left out: " + manifest.path("not_saved"));
        }
    }

    /**
     * Negative controls: after the restore, one holder is reset to the state of a freshly
     * initialised network, as a checkpoint that ignored it would leave it; the run then diverges.
     */
    @ParameterizedTest
    @ValueSource(strings = {"exc axon", "in axon", "exc @220", "map @220", "exc @341"})
    void losingBehaviorHeldStateMakesTheResumedRunDiverge(String holder, @TempDir Path dir) throws IOException {
        StatefulRun straight = new StatefulRun(DType.FLOAT32, SEED).steps(2 * N);
        Path file = checkpoint(dir, new StatefulRun(DType.FLOAT32, SEED).steps(N).net);
        StatefulRun resumed = resumed(DType.FLOAT32, file);
        Network fresh = new StatefulRun(DType.FLOAT32, SEED).net;

        Checkpointable target = holder(resumed.net, holder);
        Map<String, INDArray> initial = holder(fresh, holder).saveState();
        assertNotEquals(StateDigest.of(resumed.net).differences(StateDigest.of(fresh)), List.of());
        target.restoreState(initial);
        resumed.steps(N);

        assertFalse(StateDigest.of(straight.net).differences(StateDigest.of(resumed.net)).isEmpty(),
                "resetting " + holder + " changed nothing; the test network does not exercise it");
    }

    private static Checkpointable holder(Network net, String spec) {
        String[] p = spec.split(" ");
        NetworkObject o = net.object(p[0]);
        if (p[1].equals("axon")) {
            return (Checkpointable) o.get("axon");
        }
        return (Checkpointable) o.behaviors().get(Double.parseDouble(p[1].substring(1)));
    }
}
