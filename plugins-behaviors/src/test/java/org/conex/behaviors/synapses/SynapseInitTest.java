package org.conex.behaviors.synapses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Spec section 8 test 16. */
class SynapseInitTest {
    @Test
    void shapesAndZeroDelays() {
        Network net = new Network();
        SynapseFixture f = new SynapseFixture(net, net.addNeuronGroup("a", new NeuronShape(2, 3, 4)),
                net.addNeuronGroup("b", 7));
        f.add(SynapseInit.TYPE, Map.of());
        f.initialize();
        assertEquals(new NeuronShape(2, 3, 4), f.syn.get("src_shape"));
        assertEquals(new NeuronShape(1, 1, 7), f.syn.get("dst_shape"));
        assertEquals(DataType.LONG, f.syn.array("src_delay").dataType());
        assertArrayEquals(new double[24], f.values("src_delay"));
        assertArrayEquals(new double[7], f.values("dst_delay"));
        assertFalse(f.syn.behavior("SynapseInit").hasForward());
    }
}
