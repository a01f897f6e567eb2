package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void aStreamDependsOnlyOnMasterSeedAndName() {
        RandomStreams a = new RandomStreams(9);
        a.stream("other").nextLong();
        long x = a.stream("exc/280/InherentNoise").nextLong();
        RandomStreams b = new RandomStreams(9);
        long y = b.stream("exc/280/InherentNoise").nextLong();
        assertEquals(x, y, "creation order and other streams must not matter");
        assertNotEquals(x, new RandomStreams(10).stream("exc/280/InherentNoise").nextLong());
        assertNotEquals(x, new RandomStreams(9).stream("inh/280/InherentNoise").nextLong());
    }

    @Test
    void stateRestoresTheSequence() {
        RandomStream r = new RandomStream(3);
        r.nextDouble();
        long s = r.state();
        double next = r.nextDouble();
        RandomStream copy = new RandomStream(0);
        copy.setState(s);
        assertEquals(next, copy.nextDouble());
    }

    @Test
    void floatsAreInUnitInterval() {
        RandomStream r = new RandomStream(1);
        for (int i = 0; i < 10000; i++) {
            float f = r.nextFloat();
            double d = r.nextDouble();
            if (f < 0 || f >= 1 || d < 0 || d >= 1) {
                throw new AssertionError(f + " " + d);
            }
        }
    }
}
