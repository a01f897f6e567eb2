package org.conex.behaviors.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.checkpoint.Checkpoint;
import org.conex.runtime.checkpoint.CheckpointWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link Checkpoint#restoreInto} does besides copying values, on {@link StatefulNetwork}:
 * behavior enabled flags come back, and every synapse's weight changes are marked as a whole so
 * that the event-driven WeightClip sees weights that the restore wrote in place.
 */
class CheckpointRestoreEffectsTest {
    private static final long SEED = 77L;

    private static Path checkpoint(Path dir, Network net) throws IOException {
        Path file = dir.resolve("step-" + net.iteration() + ".ckpt");
        ObjectMapper m = new ObjectMapper();
        CheckpointWriter.write(file, net, m.createObjectNode(), m.createObjectNode(), Map.of(), Map.of());
        return file;
    }

    private static Behavior<?> behavior(Network net, String tag, String type) {
        return net.object(tag).behaviors().values().stream().filter(b -> b.name().equals(type)).findFirst()
                .orElseThrow();
    }

    private static double[] weights(Network net, String tag) {
        return Tensors.toDoubles((INDArray) net.synapseGroup(tag).get("weights"));
    }

    @Test
    void disabledBehaviorsStayDisabledAfterResumeAndTheRunMatches(@TempDir Path dir) throws IOException {
        StatefulRun straight = new StatefulRun(DType.FLOAT32, SEED).steps(10);
        behavior(straight.net, "prox", "SimpleSTDP").setEnabled(false);
        behavior(straight.net, "exc", "KWTA").setEnabled(false);
        straight.steps(30);

        StatefulRun first = new StatefulRun(DType.FLOAT32, SEED).steps(10);
        behavior(first.net, "prox", "SimpleSTDP").setEnabled(false);
        behavior(first.net, "exc", "KWTA").setEnabled(false);
        Path file = checkpoint(dir, first.steps(10).net);

        StatefulRun resumed = new StatefulRun(DType.FLOAT32, SEED);
        assertTrue(behavior(resumed.net, "prox", "SimpleSTDP").isEnabled());
        Checkpoint.open(file).restoreInto(resumed.net);
        assertFalse(behavior(resumed.net, "prox", "SimpleSTDP").isEnabled());
        assertFalse(behavior(resumed.net, "exc", "KWTA").isEnabled());
        long enabled = resumed.net.allObjects().stream().flatMap(o -> o.behaviors().values().stream())
                .filter(Behavior::isEnabled).count();
        long all = resumed.net.allObjects().stream().mapToLong(o -> o.behaviors().size()).sum();
        assertEquals(all - 2, enabled, "exactly the two switched-off behaviors are off");

        double[] before = weights(resumed.net, "prox");
        resumed.steps(20);
        for (int i = 0; i < 20; i++) {
            assertEquals(straight.steps.get(20 + i), resumed.steps.get(i), "step " + (21 + i));
        }
        assertEquals(List.of(), StateDigest.of(straight.net).differences(StateDigest.of(resumed.net)));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(weights(resumed.net, "prox")),
                "prox does not learn while its SimpleSTDP is off");
        assertNotEquals(java.util.Arrays.toString(weights(resumed.net, "api")),
                java.util.Arrays.toString(weights(new StatefulRun(DType.FLOAT32, SEED).net, "api")), "api learns");
    }

    @Test
    void weightsRestoredOutsideTheClipBoundsAreClippedOnTheNextStep(@TempDir Path dir) throws IOException {
        StatefulRun source = new StatefulRun(DType.FLOAT32, SEED).steps(5);
        INDArray w = (INDArray) source.net.synapseGroup("prox").get("weights");
        w.assign(9.0); // in place, unmarked: the checkpoint holds weights WeightClip (0..4) never saw
        Path file = checkpoint(dir, source.net);

        StatefulRun target = new StatefulRun(DType.FLOAT32, SEED).steps(5); // its clip trusts the tracker now
        Checkpoint.open(file).restoreInto(target.net);
        double[] restored = weights(target.net, "prox");
        assertEquals(9.0, java.util.Arrays.stream(restored).min().orElseThrow());
        target.steps(1);
        double[] after = weights(target.net, "prox");
        long outside = java.util.Arrays.stream(after).filter(x -> x < 0 || x > 4).count();
        assertEquals(0, outside, "every restored weight is visited by the clip on the next step");
        assertEquals(4.0, java.util.Arrays.stream(after).max().orElseThrow());
    }
}
