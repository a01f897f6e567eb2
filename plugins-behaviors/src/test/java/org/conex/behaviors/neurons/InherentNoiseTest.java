package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** InherentNoise: spec 3.7 and 8.1 test 10. */
class InherentNoiseTest {
    private static final int N = 1000;
    private static final int STEPS = 10;

    /** The v increments of {@code STEPS} steps from v = 0 (N neurons, seed 42), flattened. */
    private static double[] increments(Map<String, Object> params) {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", N);
        fx.add(g, InherentNoise.TYPE, params);
        fx.init();
        double[] all = new double[N * STEPS];
        for (int t = 0; t < STEPS; t++) {
            fx.set(g, "v", new double[N]);
            fx.step();
            System.arraycopy(get(g, "v"), 0, all, t * N, N);
        }
        return all;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double std(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(d -> (d - m) * (d - m)).average().orElseThrow());
    }

    @Test
    void zeroScaleAddsExactlyTheOffset() {
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup g = fx.group("g", 3);
        fx.add(g, InherentNoise.TYPE, p("scale", 0.0, "offset", 0.25));
        fx.init();
        fx.set(g, "v", 0, 1, -1);
        fx.steps(4);
        assertArrayEquals(new double[] {1, 2, 0}, get(g, "v"));
    }

    @Test
    void defaultUniformNoiseHasMeanHalfTheScale() {
        double[] x = increments(p());
        // 10,000 draws of U[0,1): sd of the mean = sqrt(1/12)/100 = 0.0029; 3 sigma = 0.0087
        assertEquals(0.5, mean(x), 0.0087, "ODD-6: depolarizing by scale/2");
        assertEquals(Math.sqrt(1.0 / 12), std(x), 0.01);
        assertTrue(Arrays.stream(x).allMatch(d -> d >= 0 && d < 1));
    }

    @Test
    void scaledAndShiftedUniformNoise() {
        double[] x = increments(p("mode", "rand", "scale", 0.2, "offset", -0.05));
        assertEquals(0.05, mean(x), 3 * 0.2 * Math.sqrt(1.0 / 12) / 100);
        assertTrue(Arrays.stream(x).allMatch(d -> d >= -0.05 && d < 0.15));
    }

    @Test
    void normalModeIsZeroMeanGaussian() {
        double[] x = increments(p("mode", "normal(0, 2)"));
        // sd of the mean = 2/100 = 0.02; sd of the sample sd ~ 2/sqrt(2*10000) = 0.014
        assertEquals(0.0, mean(x), 0.06);
        assertEquals(2.0, std(x), 0.043);
    }

    @Test
    void drawsAreFreshEachStepAndReproducibleFromTheSeed() {
        double[] a = increments(p("mode", "normal"));
        double[] b = increments(p("mode", "normal"));
        assertArrayEquals(a, b, "same master seed, same stream");
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 0, N), Arrays.copyOfRange(a, N, 2 * N)));
    }

    @Test
    void unknownModeIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> InherentNoise.TYPE.create(
                p("mode", "gaussian")));
        assertEquals("InherentNoise: parameter 'mode' is not a valid noise mode: unknown tensor mode 'gaussian' in "
                + "'gaussian': expected one of zeros, ones, rand, random, rnd, uniform, randn, normal(mean, std), "
                + "randint(low, high) or a number", e.getMessage());
    }
}
