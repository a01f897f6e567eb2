package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** Reader cursors, clamped marks, bounds offers and the put hook of the synapse's tracker. */
class WeightChangesTest {
    private static Behavior<NetworkObject> behavior() {
        return new Behavior<>(Params.validate("Probe", List.of(), Map.of())) {
        };
    }

    @Test
    void aNewReaderSweepsEverythingThenSeesOnlyNewerMarks() {
        WeightChanges c = new WeightChanges(4, 3);
        long cursor = 0;
        assertTrue(c.allChangedSince(cursor));
        cursor = c.advance();
        assertFalse(c.allChangedSince(cursor));
        c.markRow(2);
        c.markColumn(1);
        long since = cursor;
        cursor = c.advance();
        assertTrue(c.rowChangedSince(2, since));
        assertFalse(c.rowChangedSince(1, since));
        assertTrue(c.columnChangedSince(1, since));
        assertFalse(c.columnChangedSince(0, since));
        assertFalse(c.rowChangedSince(2, cursor), "marks made before the advance are not newer than it");
    }

    @Test
    void readersKeepTheirOwnCursors() {
        WeightChanges c = new WeightChanges(2, 2);
        long early = c.advance();
        c.markRow(0);
        long late = c.advance();
        c.markRow(1);
        assertTrue(c.rowChangedSince(0, early));
        assertFalse(c.rowChangedSince(0, late));
        assertTrue(c.rowChangedSince(1, late));
        c.markAll();
        assertTrue(c.allChangedSince(late));
    }

    @Test
    void clampedMarksAreChangesButNotUnclamped() {
        WeightChanges c = new WeightChanges(2, 2);
        long since = c.advance();
        c.markRowClamped(0);
        c.markColumnClamped(1);
        c.markColumn(0);
        assertTrue(c.rowChangedSince(0, since));
        assertFalse(c.rowUnclampedSince(0, since));
        assertTrue(c.columnChangedSince(1, since));
        assertFalse(c.columnUnclampedSince(1, since));
        assertTrue(c.columnUnclampedSince(0, since));
    }

    @Test
    void anyMarkedSinceSaysWhetherAScanWouldFindSomething() {
        WeightChanges c = new WeightChanges(3, 3);
        long since = c.advance();
        assertFalse(c.anyMarkedSince(since, false), "nothing marked yet");
        assertFalse(c.anyMarkedSince(since, true));
        c.markRowClamped(2);
        assertTrue(c.anyMarkedSince(since, false));
        assertFalse(c.anyMarkedSince(since, true), "a clamped mark is not an unclamped one");
        since = c.advance();
        assertFalse(c.anyMarkedSince(since, false), "older marks do not count for a newer cursor");
        c.markColumn(1);
        assertTrue(c.anyMarkedSince(since, false));
        assertTrue(c.anyMarkedSince(since, true));
        since = c.advance();
        c.markRow(0);
        assertTrue(c.anyMarkedSince(since, true));
        since = c.advance();
        c.markColumnClamped(0);
        assertFalse(c.anyMarkedSince(since, true));
        assertTrue(c.anyMarkedSince(since, false));
    }

    @Test
    void offersHoldOnlyWhileTheOwnerIsEnabledAndTheStructureUnchanged() {
        WeightChanges c = new WeightChanges(1, 1);
        Behavior<NetworkObject> clip = behavior();
        Behavior<NetworkObject> other = behavior();
        assertFalse(c.boundsOffered(5));
        c.offerBounds(clip, 0, 1, 5);
        assertTrue(c.boundsOffered(5));
        assertTrue(c.offeredBy(clip));
        assertFalse(c.boundsOffered(6), "a structural change voids the offer");
        clip.setEnabled(false);
        assertFalse(c.boundsOffered(5), "a disabled clip does not clip, so its bounds must not be applied");
        clip.setEnabled(true);
        c.withdrawBounds(other);
        assertTrue(c.boundsOffered(5));
        c.withdrawBounds(clip);
        assertFalse(c.boundsOffered(5));
    }

    @Test
    void writingTheWeightsVariableMarksEverything() {
        Network net = new Network();
        SynapseGroup s = net.addSynapseGroup("s", net.addNeuronGroup("a", 2), net.addNeuronGroup("b", 3));
        s.put("weights", Tensors.zeros(DType.FLOAT32.nd4j(), 2, 3));
        WeightChanges c = s.weightChanges();
        long cursor = c.advance();
        s.put("other", 1.0);
        assertFalse(c.allChangedSince(cursor));
        s.put("weights", Tensors.of(DType.FLOAT32, new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertTrue(c.allChangedSince(cursor), "an in-place put copies new values into the weights");
        cursor = c.advance();
        s.remove("weights");
        assertTrue(c.allChangedSince(cursor));
    }
}
