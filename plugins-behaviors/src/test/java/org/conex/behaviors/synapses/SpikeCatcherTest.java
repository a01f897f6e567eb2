package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.bools;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.behaviors.synapses.SynapseFixture.StubAxon;
import org.junit.jupiter.api.Test;

/** Spec section 8 tests 22 and 23, plus the delay-beyond-axon error. */
class SpikeCatcherTest {
    private final SynapseFixture f = new SynapseFixture(2, 3);
    private final StubAxon srcAxon = new StubAxon(2, 2);
    private final StubAxon dstAxon = new StubAxon(3, 3);

    SpikeCatcherTest() {
        f.src.put("axon", srcAxon);
        f.dst.put("axon", dstAxon);
        f.add(SynapseInit.TYPE, Map.of());
    }

    @Test
    void preSpikeIsSourceSpikesDelayedBySrcDelay() {
        f.add(PreSpikeCatcher.TYPE, Map.of());
        f.initialize();
        assertArrayEquals(new boolean[] {false, false}, bools(f.syn.array("pre_spike")));
        assertTrue(f.syn.behavior("PreSpikeCatcher").initializeLast());
        f.putLongs("src_delay", 1, 0);
        boolean[][] spikes = {{true, false}, {false, true}, {true, true}, {false, false}};
        for (int t = 0; t < spikes.length; t++) {
            srcAxon.push(spikes[t]);
            f.step();
            boolean[] prev = t > 0 ? spikes[t - 1] : new boolean[2];
            assertArrayEquals(new boolean[] {prev[0], spikes[t][1]}, bools(f.syn.array("pre_spike")), "step " + (t + 1));
        }
    }

    /** ODD-10: the post catcher reads the destination history at dst_delay. */
    @Test
    void postSpikeUsesDstDelay() {
        f.add(DelayInitializer.TYPE, SynapseFixture.params("delays", SynapseFixture.list(0, 2, 1), "destination", true));
        f.add(PostSpikeCatcher.TYPE, Map.of());
        f.initialize();
        assertArrayEquals(new boolean[3], bools(f.syn.array("post_spike")));
        dstAxon.push(true, true, true);
        f.step();
        dstAxon.push(false, false, false);
        f.step();
        dstAxon.push(true, false, false);
        f.step();
        assertArrayEquals(new boolean[] {true, true, false}, bools(f.syn.array("post_spike")));
    }

    @Test
    void delayBeyondTheAxonIsRejectedAtInitialization() {
        f.add(DelayInitializer.TYPE, SynapseFixture.params("delays", SynapseFixture.list(0, 2)));
        f.add(PreSpikeCatcher.TYPE, Map.of());
        f.assertInitFails("PreSpikeCatcher on 's'", "src_delay[1] = 2 is beyond the spike history of source group 'src'",
                "max_delay = 2", "0..1");
    }

    @Test
    void delayRaisedAfterInitializationIsRejectedAtTheStep() {
        f.add(PostSpikeCatcher.TYPE, Map.of());
        f.initialize();
        f.putLongs("dst_delay", 0, 3, 0);
        dstAxon.push(false, false, false);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, f::step);
        SynapseFixture.assertMessage(e, "dst_delay[1] = 3 is beyond the spike history of destination group 'dst'");
    }

    @Test
    void missingAxonIsAClearError() {
        f.src.remove("axon");
        f.add(PreSpikeCatcher.TYPE, Map.of());
        f.assertInitFails("PreSpikeCatcher on 's'", "'src', which has no NeuronAxon");
    }

    @Test
    void missingSynapseInitIsAClearError() {
        SynapseFixture g = new SynapseFixture(2, 2);
        g.src.put("axon", new StubAxon(1, 2));
        g.add(PreSpikeCatcher.TYPE, Map.of());
        g.assertInitFails("needs 'src_delay'", "add SynapseInit");
    }
}
