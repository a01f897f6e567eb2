package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.junit.jupiter.api.Test;

/** KWTA: spec 3.9, 8.1 test 12, ODD-17. */
class KWTATest {
    private final NeuronFixture fx = new NeuronFixture();

    /** Runs KWTA once on {@code v} (threshold 1 unless given, v_reset 0) and returns v. */
    private double[] compete(NeuronGroup g, Map<String, Object> params, double[] v, double... threshold) {
        fx.add(g, KWTA.TYPE, params);
        fx.init();
        fx.set(g, "v", v);
        double[] th = threshold.length > 0 ? threshold : new double[v.length];
        if (threshold.length == 0) {
            java.util.Arrays.fill(th, 1.0);
        }
        fx.set(g, "threshold", th);
        fx.set(g, "v_reset", new double[v.length]);
        fx.step();
        return get(g, "v");
    }

    @Test
    void globalCompetitionKeepsTheStrongest() {
        double[] v = compete(fx.group("g", 4), p("k", 1), new double[] {1.5, 1.2, 1.1, 0.3});
        assertArrayEquals(new double[] {1.5, 0, 0, 0.3}, v, 1e-7);
    }

    @Test
    void atMostKCandidatesAreLeftAlone() {
        double[] v = compete(fx.group("g", 4), p("k", 2), new double[] {1.5, 0.2, 1.1, 0.3});
        assertArrayEquals(new double[] {1.5, 0.2, 1.1, 0.3}, v, 1e-7);
    }

    @Test
    void depthCompetitionAtEachLocation() {
        double[] v = compete(fx.group("g", 2, 1, 2), p("k", 1, "dimension", 0), new double[] {1.5, 0.2, 1.2, 1.3});
        assertArrayEquals(new double[] {1.5, 0.2, 0, 1.3}, v, 1e-7);
    }

    @Test
    void widthCompetitionInEachRow() {
        double[] v = compete(fx.group("g", 1, 2, 3), p("k", 1, "dimension", 2),
                new double[] {1.1, 1.3, 1.2, 2.0, 0.5, 1.9});
        assertArrayEquals(new double[] {0, 1.3, 0, 2.0, 0.5, 0}, v, 1e-7);
    }

    @Test
    void flatGroupDimensionZeroIsTheWholePopulation() {
        double[] v = compete(fx.group("g", 3), p("k", 1, "dimension", 0), new double[] {1.1, 1.3, 1.2});
        assertArrayEquals(new double[] {0, 1.3, 0}, v, 1e-7);
    }

    @Test
    void rankingUsesVoltageNotTheMarginAboveEachThreshold() {
        double[] v = compete(fx.group("g", 2), p("k", 1), new double[] {1.4, 1.0}, 1.0, 0.5);
        assertArrayEquals(new double[] {1.4, 0}, v, 1e-7, "1.4 > 1.0 although the margins are 0.4 < 0.5");
    }

    @Test
    void aSubThresholdNeuronWithHigherVoltageSuppressesACandidate() {
        // locations 0 and 1 each compete along depth; location 0 has two candidates, which triggers KWTA;
        // at location 1 neuron 1 (v 1.0 >= 0.9) is the only candidate, but neuron 3 (v 1.1 < 2) ranks first
        double[] v = compete(fx.group("g", 2, 1, 2), p("k", 1, "dimension", 0), new double[] {1.5, 1.0, 1.2, 1.1},
                1.0, 0.9, 1.0, 2.0);
        assertArrayEquals(new double[] {1.5, 0, 0, 1.1}, v, 1e-7, "reference semantics (golden e2e_layer)");
    }

    @Test
    void candidatesOnlyLetsTheSoleCandidateOfASliceWin() {
        double[] v = compete(fx.group("g", 2, 1, 2), p("k", 1, "dimension", 0, "candidates_only", true),
                new double[] {1.5, 1.0, 1.2, 1.1}, 1.0, 0.9, 1.0, 2.0);
        assertArrayEquals(new double[] {1.5, 1.0, 0, 1.1}, v, 1e-7);
    }

    @Test
    void nothingHappensWhileEverySliceHasAtMostKCandidates() {
        double[] v = compete(fx.group("g", 2, 1, 2), p("k", 1, "dimension", 0), new double[] {1.5, 1.0, 0.2, 1.1},
                1.0, 0.9, 1.0, 2.0);
        assertArrayEquals(new double[] {1.5, 1.0, 0.2, 1.1}, v, 1e-7);
    }

    @Test
    void tiesGoToTheLowerIndex() {
        double[] v = compete(fx.group("g", 4), p("k", 2), new double[] {1.25, 1.5, 1.25, 1.25});
        assertArrayEquals(new double[] {1.25, 1.5, 0, 0}, v, "exactly k winners (ODD-17)");
    }

    @Test
    void fireAfterKwtaEmitsAtMostKSpikes() {
        NeuronGroup g = fx.group("g", 5);
        fx.add(g, LIF.TYPE, p("R", 1.0, "tau", 4.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0));
        fx.add(g, Fire.TYPE, p());
        fx.add(g, KWTA.TYPE, p("k", 2));
        fx.drive(g, 250, "I", false, new double[] {4, 8, 6, 5, 7});
        fx.init();
        fx.step();
        assertArrayEquals(new double[] {0, 1, 0, 0, 1}, get(g, "spikes"));
    }

    @Test
    void kBelowOneIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> KWTA.TYPE.create(p("k", 0)));
        assertEquals("KWTA: parameter 'k' expected an integer >= 1, found the number 0", e.getMessage());
    }

    @Test
    void kMustBeGiven() {
        ParameterException e = assertThrows(ParameterException.class, () -> KWTA.TYPE.create(p()));
        assertEquals("KWTA: parameter 'k' is required (an integer >= 1) but was not given", e.getMessage());
    }

    @Test
    void unknownDimensionIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> KWTA.TYPE.create(
                p("k", 1, "dimension", 3)));
        assertEquals("KWTA: parameter 'dimension' expected 0, 1 or 2 (an axis of depth x height x width) or nothing, "
                + "found the number 3", e.getMessage());
    }

    @Test
    void kLargerThanTheSliceIsRejectedAtInitialization() {
        NeuronGroup g = fx.group("g", 2, 1, 2);
        fx.add(g, KWTA.TYPE, p("k", 3, "dimension", 0));
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("KWTA on 'g': parameter 'k' = 3 exceeds the 2 neurons that compete in each "
                + "slice (dimension 0 of shape " + g.shape() + ")"), e.getMessage());
    }
}
