package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.list;
import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec section 8 test 17, BUG-8 and bad parameters. */
class DelayInitializerTest {
    private static SynapseFixture fixture(int nSrc, int nDst, Map<String, ?> delayParams) {
        SynapseFixture f = new SynapseFixture(nSrc, nDst);
        f.add(SynapseInit.TYPE, Map.of());
        f.add(DelayInitializer.TYPE, delayParams);
        return f;
    }

    @Test
    void modeScaleOffset() {
        SynapseFixture f = fixture(4, 2, params("mode", "ones", "scale", 2.0, "offset", 1.0)).initialize();
        assertArrayEquals(new double[] {3, 3, 3, 3}, f.values("src_delay"));
        assertArrayEquals(new double[] {0, 0}, f.values("dst_delay"));
    }

    @Test
    void explicitDelaysAreTruncatedAndNotScaled() {
        SynapseFixture f = fixture(2, 3, params("delays", list(2.7, 0.2), "scale", 10.0, "offset", 5.0)).initialize();
        assertArrayEquals(new double[] {2, 0}, f.values("src_delay"));
    }

    @Test
    void destinationWritesDstDelay() {
        SynapseFixture f = fixture(2, 3, params("delays", list(1, 2, 0), "destination", true)).initialize();
        assertArrayEquals(new double[] {1, 2, 0}, f.values("dst_delay"));
        assertArrayEquals(new double[] {0, 0}, f.values("src_delay"));
    }

    @Test
    void numberModeFillsEveryNeuron() {
        SynapseFixture f = fixture(3, 1, params("mode", 2.0)).initialize();
        assertArrayEquals(new double[] {2, 2, 2}, f.values("src_delay"));
    }

    /**
     * "random" with scale 5 floors U[0,5) to {0..4}. Over 4000 neurons the mean is 2 with standard
     * error sqrt(2)/sqrt(4000) = 0.022; 0.12 is more than 5 standard errors.
     */
    @Test
    void randomDelaysAreUniformWholeSteps() {
        SynapseFixture f = fixture(4000, 1, params("mode", "random", "scale", 5.0)).initialize();
        double sum = 0;
        int[] counts = new int[5];
        for (double d : f.values("src_delay")) {
            assertTrue(d >= 0 && d <= 4 && d == Math.rint(d), "delay " + d);
            counts[(int) d]++;
            sum += d;
        }
        assertEquals(2.0, sum / 4000, 0.12);
        for (int c : counts) {
            assertTrue(c > 650 && c < 950, "each delay value about 800 times, found " + java.util.Arrays.toString(counts));
        }
    }

    /** BUG-8: the reference crashes on a null cast; here the zero delays stay, with a warning. */
    @Test
    void neitherModeNorDelaysKeepsTheZeroDelaysWithAWarning() {
        SynapseFixture f = fixture(3, 2, params("destination", true)).initialize();
        assertArrayEquals(new double[] {0, 0}, f.values("dst_delay"));
        assertArrayEquals(new double[] {0, 0, 0}, f.values("src_delay"));
        assertEquals(1, f.net.warnings().size(), f.net.warnings().toString());
        SynapseFixture.assertMessage(new RuntimeException(f.net.warnings().get(0)), "DelayInitializer on 's'",
                "neither 'mode' nor 'delays'", "dst_delay keeps its delays");
    }

    /** Without SynapseInit there are no delays to keep: zeros are written. */
    @Test
    void neitherModeNorDelaysWritesZerosWhenThereAreNone() {
        SynapseFixture f = new SynapseFixture(2, 3);
        f.add(DelayInitializer.TYPE, Map.of());
        f.initialize();
        assertArrayEquals(new double[] {0, 0}, f.values("src_delay"));
        assertEquals(1, f.net.warnings().size());
    }

    @Test
    void givenDelaysRecordNoWarning() {
        SynapseFixture f = fixture(2, 2, params("mode", "ones")).initialize();
        assertTrue(f.net.warnings().isEmpty(), f.net.warnings().toString());
    }

    @Test
    void wrongNumberOfDelays() {
        fixture(3, 2, params("delays", list(1, 2))).assertInitFails("parameter 'delays' has 2 values, expected 3",
                "source 'src'");
    }

    @Test
    void negativeDelaysRejected() {
        fixture(2, 2, params("delays", list(1, -3))).assertInitFails("src_delay[1] = -3.0 is not a valid delay");
    }

    @Test
    void unknownModeRejected() {
        fixture(2, 2, params("mode", "gaussian")).assertInitFails("DelayInitializer on 's'", "parameter 'mode'",
                "unknown tensor mode 'gaussian'");
    }
}
