package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.get;
import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.junit.jupiter.api.Test;

/** SimpleDendriteStructure: spec 3.4, 8.1 test 7, BUG-3, BUG-4, ODD-4. */
class SimpleDendriteStructureTest {
    private final NeuronFixture fx = new NeuronFixture();
    private final NeuronGroup in = fx.group("in", 2);
    private final NeuronGroup out = fx.group("out", 2);

    /** A synapse group whose current I is set from {@code rows} (cycled) at priority 180. */
    private SynapseGroup feed(String tag, String kind, double[]... rows) {
        SynapseGroup s = kind == null ? fx.synapse(tag, in, out) : fx.synapse(tag, in, out, kind);
        fx.drive(s, 180, "I", false, rows);
        return s;
    }

    private static final double[] ZERO = {0, 0};

    @Test
    void distalCurrentArrivesAfterItsDelayAndProximalSumsAtOnce() {
        SimpleDendriteStructure st = fx.add(out, SimpleDendriteStructure.TYPE, p("Distal_max_delay", 3));
        SynapseGroup d = feed("d", "Distal", new double[] {1, 2}, ZERO, ZERO, ZERO);
        fx.setLongs(d, "dst_delay", 2, 2);
        feed("p1", "Proximal", new double[] {0.5, 1});
        feed("p2", "Proximal", new double[] {0.25, 2});
        fx.init();
        assertEquals(3, st.maxDelay("Distal"));
        double[][] distal = {ZERO, ZERO, {1, 2}, ZERO};
        for (int t = 0; t < distal.length; t++) {
            fx.step();
            assertArrayEquals(distal[t], get(out, "I_distal"), "I_distal at t=" + (t + 1));
            assertArrayEquals(new double[] {0.75, 3}, get(out, "I_proximal"), "I_proximal at t=" + (t + 1));
            assertArrayEquals(ZERO, get(out, "I_apical"));
        }
    }

    @Test
    void everyNeuronUsesItsOwnDelay() {
        fx.add(out, SimpleDendriteStructure.TYPE, p("Distal_max_delay", 3));
        SynapseGroup d = feed("d", "Distal", new double[] {1, 2}, new double[] {4, 8}, ZERO, ZERO, ZERO);
        fx.setLongs(d, "dst_delay", 0, 2);
        fx.init();
        double[][] expected = {{1, 0}, {4, 0}, {0, 2}, {0, 8}, ZERO};
        for (int t = 0; t < expected.length; t++) {
            fx.step();
            assertArrayEquals(expected[t], get(out, "I_distal"), "t=" + (t + 1));
        }
    }

    @Test
    void defaultApicalBufferHasTwoRowsAndDefaultDelayIsImmediate() {
        SimpleDendriteStructure st = fx.add(out, SimpleDendriteStructure.TYPE, p());
        feed("a", "Apical", new double[] {1, 2}, ZERO);
        fx.init();
        assertEquals(2, st.maxDelay("Apical"));
        assertEquals(1, st.maxDelay("Proximal"));
        fx.step();
        assertArrayEquals(new double[] {1, 2}, get(out, "I_apical"), "ODD-5: dst_delay 0 delivers at once");
        fx.step();
        assertArrayEquals(ZERO, get(out, "I_apical"));
    }

    @Test
    void aSynapseWithTwoKindsFeedsBothAndUntaggedSynapsesAreIgnored() {
        fx.add(out, SimpleDendriteStructure.TYPE, p());
        feed("both", "Proximal,Distal", new double[] {1, 2});
        feed("none", null, new double[] {100, 100});
        fx.init();
        fx.step();
        assertArrayEquals(new double[] {1, 2}, get(out, "I_proximal"));
        assertArrayEquals(new double[] {1, 2}, get(out, "I_distal"));
    }

    @Test
    void zeroProximalMaxDelayDisablesProximalInput() {
        SimpleDendriteStructure st = fx.add(out, SimpleDendriteStructure.TYPE, p("Proximal_max_delay", 0));
        feed("d", "Distal", new double[] {1, 2});
        fx.init();
        fx.step();
        assertEquals(0, st.maxDelay("Proximal"), "BUG-3: 0 is accepted");
        assertArrayEquals(ZERO, get(out, "I_proximal"));
        assertArrayEquals(new double[] {1, 2}, get(out, "I_distal"));
    }

    @Test
    void zeroDistalMaxDelayKeepsValidApicalDefaults() {
        SimpleDendriteStructure st = (SimpleDendriteStructure) SimpleDendriteStructure.TYPE.create(
                p("Distal_max_delay", 0));
        assertEquals(0, st.maxDelay("Distal"), "BUG-4: no error");
        assertEquals(1, st.maxDelay("Apical"));
    }

    @Test
    void aSynapseOfADisabledKindIsRejectedAtInitialization() {
        fx.add(out, SimpleDendriteStructure.TYPE, p("Proximal_max_delay", 0));
        feed("p", "Proximal", new double[] {1, 2});
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("SimpleDendriteStructure on 'out': synapse group 'p' is tagged Proximal "
                + "but Proximal_max_delay = 0 disables that dendrite"), e.getMessage());
    }

    @Test
    void aDelayBeyondTheBufferIsRejectedAtInitialization() {
        fx.add(out, SimpleDendriteStructure.TYPE, p("Distal_max_delay", 3));
        SynapseGroup d = feed("d", "Distal", new double[] {1, 2});
        fx.setLongs(d, "dst_delay", 0, 3);
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("SimpleDendriteStructure on 'out': synapse group 'd': dst_delay[1] = 3 is "
                + "outside 0..2; raise Distal_max_delay above 3 (it is 3)"), e.getMessage());
    }

    @Test
    void aDelayChangedAfterInitializationIsCheckedWhenUsed() {
        fx.add(out, SimpleDendriteStructure.TYPE, p());
        SynapseGroup s = feed("p", "Proximal", new double[] {1, 2});
        fx.setLongs(s, "dst_delay", 0, 0);
        fx.init();
        fx.step();
        fx.setLongs(s, "dst_delay", 1, 0);
        ConexException e = assertThrows(ConexException.class, fx::step);
        assertTrue(e.getMessage().endsWith("synapse group 'p': dst_delay[0] = 1 is outside 0..0; raise "
                + "Proximal_max_delay above 1 (it is 1)"), e.getMessage());
    }

    @Test
    void aTaggedSynapseWithoutCurrentIsRejected() {
        fx.add(out, SimpleDendriteStructure.TYPE, p());
        fx.synapse("p", in, out, "Proximal");
        ConexException e = assertThrows(ConexException.class, fx::init);
        assertTrue(e.getMessage().endsWith("synapse group 'p' (Proximal) has no current 'I'; give it a dendritic "
                + "input behavior (e.g. SimpleDendriticInput)"), e.getMessage());
    }

    @Test
    void minDelayMustBeBelowMaxDelay() {
        ParameterException e = assertThrows(ParameterException.class, () -> SimpleDendriteStructure.TYPE.create(
                p("distal_min_delay", 1)));
        assertEquals("SimpleDendriteStructure: parameter 'distal_min_delay' expected smaller than Distal_max_delay"
                + " = 1, found the number 1", e.getMessage());
        e = assertThrows(ParameterException.class, () -> SimpleDendriteStructure.TYPE.create(
                p("Distal_max_delay", 0, "apical_min_delay", 1)));
        assertEquals("SimpleDendriteStructure: parameter 'apical_min_delay' expected smaller than Apical_max_delay"
                + " = 1, found the number 1", e.getMessage());
        e = assertThrows(ParameterException.class, () -> SimpleDendriteStructure.TYPE.create(
                p("Proximal_max_delay", -1)));
        assertEquals("SimpleDendriteStructure: parameter 'Proximal_max_delay' expected an integer >= 0, found the "
                + "number -1", e.getMessage());
    }

    /** ODD-4: the min delays are accepted in both capitalisations, like the max delays. */
    @Test
    void minDelaysAcceptBothSpellings() {
        ParameterException e = assertThrows(ParameterException.class, () -> SimpleDendriteStructure.TYPE.create(
                p("Distal_min_delay", 1)));
        assertEquals("SimpleDendriteStructure: parameter 'distal_min_delay' expected smaller than Distal_max_delay"
                + " = 1, found the number 1", e.getMessage());
        SimpleDendriteStructure.TYPE.create(p("Proximal_min_delay", 1, "Proximal_max_delay", 3,
                "proximal_min_delay", 1));
        e = assertThrows(ParameterException.class, () -> SimpleDendriteStructure.TYPE.create(
                p("Apical_min_delay", 0, "apical_min_delay", 1)));
        assertTrue(e.getMessage().contains("the same value as Apical_min_delay = 0 (both spellings given)"),
                e.getMessage());
    }

    @Test
    void lowerCaseSpellingsAreAccepted() {
        SimpleDendriteStructure st = (SimpleDendriteStructure) SimpleDendriteStructure.TYPE.create(
                p("distal_max_delay", 4, "Proximal_max_delay", 2, "proximal_max_delay", 2));
        assertEquals(4, st.maxDelay("Distal"));
        assertEquals(5, st.maxDelay("Apical"));
        assertEquals(2, st.maxDelay("Proximal"));
        ParameterException e = assertThrows(ParameterException.class, () -> SimpleDendriteStructure.TYPE.create(
                p("Distal_max_delay", 2, "distal_max_delay", 3)));
        assertEquals("SimpleDendriteStructure: parameter 'distal_max_delay' expected the same value as "
                + "Distal_max_delay = 2 (both spellings given), found the number 3", e.getMessage());
    }

    /**
     * Rows are cleared lazily (an empty row stands for +0 without being written): a scripted run
     * of two synapses feeding the same branch, each switching between one shared delay and
     * per-neuron delays, with currents that include -0, exact zeros and a NaN, and a save and
     * restore of the pending rows half-way, must deliver what an eagerly cleared ring delivers,
     * bit for bit (signs of zero included; a NaN only as a NaN), and the saved pending rows must
     * match too.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.conex.api.tensor.DType.class)
    void lazilyClearedRowsDeliverWhatAnEagerRingDelivers(org.conex.api.tensor.DType dtype) {
        NeuronFixture f = new NeuronFixture(dtype, 1.0);
        NeuronGroup src = f.group("in", 3);
        NeuronGroup dst = f.group("out", 3);
        SimpleDendriteStructure st = f.add(dst, SimpleDendriteStructure.TYPE, p("Distal_max_delay", 3));
        java.util.Random rnd = new java.util.Random(7);
        int steps = 40;
        double[][][] currents = new double[2][steps][3];
        long[][][] delays = new long[2][steps][];
        for (int a = 0; a < 2; a++) {
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < 3; j++) {
                    int k = rnd.nextInt(4);
                    currents[a][t][j] = k == 0 ? 0.0 : k == 1 ? -0.0 : rnd.nextInt(9) - 4;
                }
                long shared = rnd.nextInt(3);
                delays[a][t] = rnd.nextInt(3) == 0 ? new long[] {shared, shared, shared}
                        : new long[] {rnd.nextInt(3), rnd.nextInt(3), rnd.nextInt(3)};
            }
        }
        currents[1][30][2] = Double.NaN;
        SynapseGroup[] syn = {f.synapse("d", src, dst, "Distal"), f.synapse("e", src, dst, "Distal")};
        for (int a = 0; a < 2; a++) {
            f.drive(syn[a], 180, "I", false, currents[a]);
            f.setLongs(syn[a], "dst_delay", delays[a][0]);
        }
        f.init();
        double[][] ring = new double[3][3]; // logical rows: ring[k] is delivered in k steps
        for (int t = 0; t < steps; t++) {
            if (t == 20) {
                st.restoreState(st.saveState());
            }
            for (int a = 0; a < 2; a++) {
                f.setLongs(syn[a], "dst_delay", delays[a][t]);
            }
            f.step();
            ring = new double[][] {ring[1], ring[2], {0.0, 0.0, 0.0}};
            for (int a = 0; a < 2; a++) {
                for (int j = 0; j < 3; j++) {
                    int k = (int) delays[a][t][j];
                    ring[k][j] = dtype.round(ring[k][j] + currents[a][t][j]);
                }
            }
            double[] got = get(dst, "I_distal");
            for (int j = 0; j < 3; j++) {
                assertSameValue(ring[0][j], got[j], "I_distal[" + j + "] at t=" + (t + 1));
            }
            double[] pending = st.saveState().get("Distal").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).ravel()
                    .toDoubleVector();
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    assertSameValue(ring[k][j], pending[3 * k + j],
                            "pending row " + k + " neuron " + j + " at t=" + (t + 1));
                }
            }
        }
    }

    /** The same bits, or both NaN (a NaN's payload is not specified when two NaNs meet). */
    private static void assertSameValue(double expected, double found, String what) {
        if (Double.isNaN(expected) && Double.isNaN(found)) {
            return;
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(found),
                what + ": expected " + expected + ", found " + found);
    }
}
