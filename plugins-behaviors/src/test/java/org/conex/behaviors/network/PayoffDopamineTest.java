package org.conex.behaviors.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.Network;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;

/** Payoff and Dopamine: spec section 8.1 tests 2 and 3, Appendix B.4, BUG-1 and BUG-2. */
class PayoffDopamineTest {
    /** A tensor payoff of {@code size} elements, {@code initial} before the first step, then {@code values} every step. */
    private static Payoff.VectorSchedule constantPayoff(double initial, int size, double... values) {
        return new Payoff.VectorSchedule(initial, size) {
            @Override
            protected double[] payoff(Network n, long t) {
                return values.clone();
            }
        };
    }

    @Test
    void basePayoffKeepsItsInitialValue() {
        Network net = new Network();
        net.addBehavior(Payoff.TYPE.create(Map.of("initial_payoff", 0.2)));
        Simulation sim = new Simulation(net);
        sim.simulate(3);
        assertEquals(0.2, net.scalar("payoff"), 0);
        assertEquals(0.0, new Payoff(Payoff.TYPE.params(Map.of())).params().number("initial_payoff"), 0);
    }

    @Test
    void scheduleSubclassWritesItsPayoffEveryStep() {
        Network net = new Network();
        net.addBehavior(new Payoff.Schedule(-1.0) {
            @Override
            protected double payoff(Network n, long t) {
                return t;
            }
        });
        Simulation sim = new Simulation(net);
        sim.initialize();
        assertEquals(-1.0, net.scalar("payoff"), 0);
        for (int t = 1; t <= 3; t++) {
            sim.step();
            assertEquals(t, net.scalar("payoff"), 0);
        }
    }

    @Test
    void dopamineIntegratesThePayoffWithoutDt() {
        Network net = new Network();
        net.put("dt", 0.25);
        net.addBehavior(new Payoff(1.0));
        net.addBehavior(new Dopamine(2.0, 0.0));
        Simulation sim = new Simulation(net);
        for (double d : new double[] {1, 1.5, 1.75, 1.875, 1.9375}) {
            sim.step();
            assertEquals(d, net.scalar("dopamine_concentration"), 0);
        }
        assertEquals(2.0, net.scalar("tau_dopamine"), 0);
    }

    /**
     * A tensor payoff (spec 1.9: "number or tensor"): one concentration per element, each following
     * B.4 with its own payoff; float32 rounding per operation (exact here: halves and quarters).
     */
    @Test
    void vectorPayoffGivesOneConcentrationPerElement() {
        Network net = new Network();
        net.addBehavior(constantPayoff(0.0, 3, 1, 2, 0));
        net.addBehavior(new Dopamine(2.0, 0.0));
        Simulation sim = new Simulation(net);
        sim.initialize();
        assertArrayEquals(new double[] {0, 0, 0}, Tensors.toDoubles(net.array("dopamine_concentration")), 0,
                "the initial value is spread over the payoff's elements");
        double[][] expected = {{1, 2, 0}, {1.5, 3, 0}, {1.75, 3.5, 0}, {1.875, 3.75, 0}};
        for (double[] d : expected) {
            sim.step();
            assertArrayEquals(d, Tensors.toDoubles(net.array("dopamine_concentration")), 0);
        }
        assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, net.array("dopamine_concentration").dataType());
    }

    @Test
    void vectorPayoffIsTheInitialConcentrationWhenNoneIsGiven() {
        Network net = new Network();
        net.addBehavior(constantPayoff(0.5, 2, 0, 1));
        net.addBehavior(new Dopamine(4.0, null));
        Simulation sim = new Simulation(net);
        sim.initialize();
        assertArrayEquals(new double[] {0.5, 0.5}, Tensors.toDoubles(net.array("dopamine_concentration")), 0);
        sim.step();
        assertArrayEquals(new double[] {0.375, 1.375}, Tensors.toDoubles(net.array("dopamine_concentration")), 0);
    }

    /** A payoff that turns into a vector after initialization spreads a scalar concentration on that step. */
    @Test
    void aScalarConcentrationSpreadsWhenThePayoffBecomesAVector() {
        Network net = new Network();
        net.addBehavior(new Payoff.Schedule(0.0) {
            @Override
            protected double payoff(Network n, long t) {
                return 0; // replaced by a vector below
            }
        });
        net.addBehavior(new Dopamine(2.0, 1.0));
        Simulation sim = new Simulation(net);
        sim.initialize();
        assertEquals(1.0, net.scalar("dopamine_concentration"), 0);
        net.removeBehavior(100);
        net.put("payoff", Tensors.of(net.dtype(), new double[] {1, 3}, 2));
        sim.step();
        assertArrayEquals(new double[] {1.5, 3.5}, Tensors.toDoubles(net.array("dopamine_concentration")), 0);
    }

    /** A checkpoint taken after the concentration became a vector restores into a freshly built (scalar) one. */
    @Test
    void aConcentrationThatBecameAVectorRestoresFromACheckpoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.function.Supplier<Network> build = () -> {
            Network n = new Network();
            n.addBehavior(new Dopamine(2.0, 1.0));
            return n;
        };
        Network first = build.get();
        Simulation sim = new Simulation(first);
        sim.initialize();
        first.put("payoff", Tensors.of(first.dtype(), new double[] {1, 3}, 2));
        sim.simulate(2);
        java.nio.file.Path file = dir.resolve("ck.npz");
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        org.conex.runtime.checkpoint.CheckpointWriter.write(file, first, m.createObjectNode(), m.createObjectNode(),
                Map.of(), Map.of());

        Network resumed = build.get();
        Simulation again = new Simulation(resumed);
        again.initialize();
        assertEquals(1.0, resumed.scalar("dopamine_concentration"), 0, "freshly built: a number");
        org.conex.runtime.checkpoint.Checkpoint.open(file).restoreInto(resumed);
        assertArrayEquals(Tensors.toDoubles(first.array("dopamine_concentration")),
                Tensors.toDoubles(resumed.array("dopamine_concentration")), 0);
        sim.step();
        again.step();
        assertArrayEquals(Tensors.toDoubles(first.array("dopamine_concentration")),
                Tensors.toDoubles(resumed.array("dopamine_concentration")), 0);
    }

    /** Dopamine's own check: a vector concentration and a vector payoff of another length. */
    @Test
    void concentrationAndPayoffMustHaveTheSameLength() {
        Network net = new Network();
        net.addBehavior(new Dopamine(2.0, 0.0));
        net.put("payoff", Tensors.of(net.dtype(), new double[] {1, 2}, 2));
        Simulation sim = new Simulation(net);
        sim.step();
        net.put("payoff", Tensors.of(net.dtype(), new double[] {1, 2, 3}, 3));
        RuntimeException e = assertThrows(RuntimeException.class, sim::step);
        assertTrue(String.valueOf(e.getMessage()).contains("network.payoff has 3 values but dopamine_concentration has"
                + " 2; a tensor payoff must keep its length"), e.getMessage());
    }

    @Test
    void aVectorPayoffMustKeepItsLength() {
        Network net = new Network();
        net.addBehavior(constantPayoff(0.0, 2, 1, 2, 3));
        net.addBehavior(new Dopamine(2.0, 0.0));
        Simulation sim = new Simulation(net);
        RuntimeException e = assertThrows(RuntimeException.class, sim::step);
        assertTrue(String.valueOf(e.getMessage()).contains("payoff(network, 1) returned 3 values, expected 2"),
                e.getMessage());
    }

    @Test
    void initialConcentrationDefaultsToThePayoff() {
        Network net = new Network();
        net.addBehavior(new Payoff(0.3));
        net.addBehavior(new Dopamine(1.0, null));
        new Simulation(net).initialize();
        assertEquals(0.3, net.scalar("dopamine_concentration"), 0);
    }

    @Test
    void tauMustBeGivenAndPositive() {
        // BUG-1: the reference default tau_dopamine = 0 divides by zero at the first step.
        ParameterException missing = assertThrows(ParameterException.class, () -> Dopamine.TYPE.create(Map.of()));
        assertEquals("tau_dopamine", missing.parameter());
        for (double tau : new double[] {0.0, -2.0}) {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> Dopamine.TYPE.create(Map.of("tau_dopamine", tau)));
            assertEquals("tau_dopamine", e.parameter());
            assertTrue(e.getMessage().contains("> 0"), e.getMessage());
        }
    }

    @Test
    void worksWithoutPayoffWhenAnInitialValueIsGiven() {
        // BUG-2: the reference reads network.payoff even when the initial value is given.
        Network net = new Network();
        net.addBehavior(new Dopamine(2.0, 0.5));
        Simulation sim = new Simulation(net);
        sim.step();
        assertEquals(0.25, net.scalar("dopamine_concentration"), 0);
    }

    @Test
    void withoutPayoffOrInitialValueInitializationFailsClearly() {
        Network net = new Network();
        net.addBehavior(new Dopamine(2.0, null));
        RuntimeException e = assertThrows(RuntimeException.class, () -> new Simulation(net).initialize());
        String all = e.getMessage() + (e.getCause() == null ? "" : " | " + e.getCause().getMessage());
        assertTrue(all.contains("Dopamine on 'Network': needs network.payoff"), all);
    }
}
