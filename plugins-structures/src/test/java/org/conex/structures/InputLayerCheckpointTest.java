package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.record.EventRecorder;
import org.conex.api.record.Recorder;
import org.conex.api.structure.InputBatch;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.conex.runtime.checkpoint.Checkpoint;
import org.conex.runtime.checkpoint.CheckpointException;
import org.conex.runtime.checkpoint.CheckpointWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checkpoint and resume of a network fed by an InputLayer (SpikeNdDataset): k steps, a checkpoint,
 * a freshly built network restored from it and the remaining steps equal the uninterrupted run bit
 * for bit (input frames, labels, spikes, weights, in-memory recorders), for checkpoints taken
 * inside an instance, inside a silent interval, at the end of a pass and after the data looped.
 *
 * <p>The data draws each batch from its own {@link Random} when the layer reads it (like an
 * encoder with an explicit seed), so a resume is exact only if the data is read again exactly as
 * the checkpointed run read it. One pass: batches of 3, 8 and 5 frames (1, 2 and 1 instances),
 * with 2 silent steps after each instance, 24 steps.
 */
class InputLayerCheckpointTest {
    private static final int STEPS = 80;

    /** Three batches per pass, drawn from one stream shared by all passes. */
    static Iterable<InputBatch> data(long seed) {
        Random r = new Random(seed);
        return () -> new Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
                return k < 3;
            }

            @Override
            public InputBatch next() {
                int samples = k == 1 ? 2 : 1;
                int t = k == 1 ? 4 : 3 + k;
                boolean[] bits = new boolean[samples * t * 16];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = r.nextDouble() < 0.45;
                }
                double[] labels = new double[samples];
                for (int i = 0; i < samples; i++) {
                    labels[i] = r.nextInt(10);
                }
                k++;
                return InputBatch.of(Tensors.bools(bits, samples, t, 4, 4), Tensors.of(DType.FLOAT32, labels, samples));
            }
        };
    }

    /** input (4x4) -> exc (10 LIF) with STDP; exc has a Recorder of v and an EventRecorder of spikes. */
    static final class Run {
        final Network net = new Network("net", DType.FLOAT32, SynapseMode.SxD, 5);
        final InputLayer in;
        final NeuronGroup exc;
        final Simulation sim;
        final List<String> steps = new ArrayList<>();

        Run(boolean loop) {
            this(loop, data(31));
        }

        Run(boolean loop, Iterable<InputBatch> data) {
            in = new InputLayer(net, "input", map("sensory_size", List.of(4, 4), "silent_interval", 2, "loop", loop),
                    BEHAVIORS);
            in.setData(data);
            exc = Circuits.group(net, "exc", 10);
            SynapseGroup s = net.addSynapseGroup("in_exc", in.sensoryPopulation(), exc, "Proximal");
            BehaviorMap.of(Circuits.plastic(), BEHAVIORS, s.tag()).attachTo(s, BEHAVIORS);
            exc.addBehavior(1000, Recorder.TYPE.create(map("variables", List.of("v"), "gap_width", 3,
                    "max_length", 12)));
            exc.addBehavior(1001, EventRecorder.TYPE.create(map("variables", "spikes")));
            sim = new Simulation(net);
            sim.initialize();
        }

        Run steps(int n) {
            for (int i = 0; i < n; i++) {
                sim.step();
                steps.add("t=" + net.iteration() + " x=" + bits(in.sensoryPopulation().array("spikes"))
                        + " y=" + in.get("y") + " new=" + in.get("new_data") + " done=" + in.get("exhausted")
                        + " exc=" + bits(exc.array("spikes")) + " w=" + bits((INDArray) net.synapseGroup("in_exc")
                        .get("weights")));
            }
            return this;
        }

        Recorder recorder() {
            return (Recorder) exc.behaviors().get(1000.0);
        }

        EventRecorder events() {
            return (EventRecorder) exc.behaviors().get(1001.0);
        }
    }

    /** Exact text of an array's values (float bits). */
    static String bits(INDArray a) {
        StringBuilder sb = new StringBuilder();
        for (double d : Tensors.toDoubles(a)) {
            sb.append(Long.toHexString(Double.doubleToRawLongBits(d))).append(',');
        }
        return sb.toString();
    }

    private static Path checkpoint(Path dir, Network net) throws IOException {
        Path file = dir.resolve("step-" + net.iteration() + ".npz");
        ObjectMapper m = new ObjectMapper();
        CheckpointWriter.write(file, net, m.createObjectNode(), m.createObjectNode(), Map.of(), Map.of());
        return file;
    }

    private static void assertResumeMatches(boolean loop, int k, Path dir) throws IOException {
        Run straight = new Run(loop).steps(STEPS);
        Path file = checkpoint(dir, new Run(loop).steps(k).net);
        Run resumed = new Run(loop);
        Checkpoint.open(file).restoreInto(resumed.net);
        resumed.steps(STEPS - k);
        for (int i = 0; i < STEPS - k; i++) {
            assertEquals(straight.steps.get(k + i), resumed.steps.get(i), "step " + (k + i + 1) + " after a resume at " + k);
        }
        assertEquals(bits(straight.recorder().data("v")), bits(resumed.recorder().data("v")));
        assertEquals(12, resumed.recorder().length("v"));
        assertArrayEquals(straight.events().times("spikes"), resumed.events().times("spikes"));
        assertArrayEquals(straight.events().indices("spikes"), resumed.events().indices("spikes"));
        Map<String, INDArray> a = ((Checkpointable) straight.in.behaviors().get(320.0)).saveState();
        Map<String, INDArray> b = ((Checkpointable) resumed.in.behaviors().get(320.0)).saveState();
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            assertEquals(bits(a.get(key)), bits(b.get(key)), key);
        }
    }

    /**
     * 4: silent after the first instance; 10: silent inside batch 2; 13: mid-instance; 24: end of
     * a pass (silent); 25: first step of the second pass; 45: mid-instance, 47: silent, both in the
     * second pass.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4, 10, 13, 24, 25, 45, 47})
    void resumingEqualsTheUninterruptedRun(int k, @TempDir Path dir) throws IOException {
        assertResumeMatches(true, k, dir);
    }

    /** Without loop the data ends at step 24 (silent, exhausted): a checkpoint before and after that. */
    @ParameterizedTest
    @ValueSource(ints = {20, 30})
    void resumingAroundTheEndOfTheDataEqualsTheUninterruptedRun(int k, @TempDir Path dir) throws IOException {
        assertResumeMatches(false, k, dir);
    }

    @Test
    void theRunIsActiveAndTheDataPositionIsInTheCheckpoint(@TempDir Path dir) throws IOException {
        Run r = new Run(true).steps(45);
        long excSpikes = r.events().times("spikes").length;
        assertTrue(excSpikes > 20, "exc spiked " + excSpikes + " times in 45 steps");
        assertTrue(r.steps.stream().map(s -> s.split(" w=")[1]).distinct().count() > 10, "the weights learn");
        Path file = checkpoint(dir, r.net);
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (String e : List.of("input/@320/position.npy", "input/@320/sensory.npy", "input/@320/labels.npy",
                    "exc/@1000/counter.npy", "exc/@1000/samples_0.npy", "exc/@1001/samples_0.npy")) {
                assertNotNull(z.getEntry(e), e);
            }
        }
        // step 45 = pass 1 (the second), its 3 batches read, frame 4 of 5 of the last shown; no silence, no end
        long[] position = ((Checkpointable) r.in.behaviors().get(320.0)).saveState().get("position").toLongVector();
        assertArrayEquals(new long[] {1, 3, 4, 0, 0, 0}, position);
        r.steps(2); // step 46 ends the instance, step 47 is its first silent step
        position = ((Checkpointable) r.in.behaviors().get(320.0)).saveState().get("position").toLongVector();
        assertArrayEquals(new long[] {1, 3, 5, 1, 1, 0}, position);
    }

    @Test
    void dataShorterThanTheSavedPositionIsRefusedNamingTheLayer(@TempDir Path dir) throws IOException {
        Path file = checkpoint(dir, new Run(true).steps(47).net);
        Network other = new Run(true, List.of(InputBatch.of(Tensors.bools(new boolean[3 * 16], 1, 3, 4, 4),
                Tensors.of(DType.FLOAT32, new double[] {1}, 1)))).net;
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(file).restoreInto(other));
        assertTrue(e.getMessage().contains("input @320: SpikeNdDataset on 'input': the data ended at batch 1 of pass 1,"
                + " before the saved position (batch 3 of pass 1): it is not the data the checkpoint was taken with"),
                e.getMessage());
    }
}
