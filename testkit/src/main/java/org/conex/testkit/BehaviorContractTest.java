package org.conex.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every behavior type should meet, as an abstract JUnit 5 test. Extend it, return
 * your {@link BehaviorType} and valid parameters, and the kit checks that the type
 *
 * <ul>
 *   <li>is well declared (identifier name, finite default priority, parameter docs);</li>
 *   <li>initialises its state: it creates variables, tensors sized for its owner, all finite;</li>
 *   <li>stays finite (no NaN or infinity) for {@link #steps()} steps of sane, seeded random input
 *       ({@link TestBench}: currents {@code I} uniform in [0, {@link #inputScale()}], random spikes);</li>
 *   <li>is deterministic: two runs with one master seed give bit-identical state;</li>
 *   <li>rejects bad parameters with a {@link ConexException} whose message names the behavior and
 *       the parameter: every required parameter left out, every bounded number below its bound,
 *       plus your own cases from {@link #badParams()}.</li>
 * </ul>
 *
 * <pre>{@code
 * class IzhikevichContractTest extends BehaviorContractTest {
 *     protected BehaviorType type() { return Izhikevich.TYPE; }
 *     protected Map<String, Object> validParams() { return Map.of("a", 0.02, "b", 0.2); }
 * }
 * }</pre>
 */
public abstract class BehaviorContractTest {
    /** The behavior type under test. */
    protected abstract BehaviorType type();

    /** Parameters that must be accepted (default: none, every parameter at its default). */
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    /**
     * Extra parameter sets that must be rejected, each mapped to the parameter name the error
     * must mention. They are merged over {@link #validParams()}.
     */
    protected Map<Map<String, Object>, String> badParams() {
        return Map.of();
    }

    /** Neurons per group of the bench (default 16). */
    protected int groupSize() {
        return 16;
    }

    /** Steps run by the finiteness and determinism checks (default 200). */
    protected int steps() {
        return 200;
    }

    /** Upper bound of the random input current {@code I} (default 10). */
    protected double inputScale() {
        return 10;
    }

    /** A bench with the behavior attached, seeded with {@code seed}; override to add companions. */
    protected TestBench bench(long seed) {
        return new TestBench(type(), validParams(), groupSize(), inputScale(), seed);
    }

    @Test
    void typeIsWellDeclared() {
        BehaviorType t = type();
        assertNotNull(t, "type() returned null");
        assertTrue(t.name().matches("[A-Za-z][A-Za-z0-9_]*"), "name must be an identifier: " + t.name());
        assertTrue(Double.isFinite(t.defaultPriority()), "default priority must be finite");
        assertNotNull(t.target(), "target");
        for (ParamSpec p : t.params()) {
            assertFalse(p.doc().isBlank(), t.name() + ": parameter '" + p.name() + "' has no doc(...)");
        }
        assertTrue(t.check(validParams()).isEmpty(), "validParams() must be valid: " + t.check(validParams()));
    }

    @Test
    void initializesItsState() {
        TestBench b = bench(1);
        NetworkObject owner = b.owner();
        List<String> before = owner.variables();
        b.simulation().initialize();
        List<String> created = new ArrayList<>(owner.variables());
        created.removeAll(before);
        assertFalse(created.isEmpty(), type().name() + " created no state variable on " + owner);
        for (String v : created) {
            Object value = owner.get(v);
            if (value instanceof INDArray) {
                INDArray a = (INDArray) value;
                if (b.expectedLength() > 0 && a.rank() == 1) {
                    assertEquals(b.expectedLength(), a.length(), "'" + v + "' should have one value per element");
                }
                assertFinite(owner, v, a, 0);
            }
        }
    }

    @Test
    void staysFiniteOnSaneInput() {
        TestBench b = bench(2);
        Simulation sim = b.simulation();
        for (int t = 1; t <= steps(); t++) {
            sim.step();
            for (String v : b.owner().variables()) {
                if (b.owner().get(v) instanceof INDArray) {
                    assertFinite(b.owner(), v, (INDArray) b.owner().get(v), t);
                }
            }
        }
    }

    @Test
    void isDeterministicUnderASeed() {
        TestBench one = bench(42);
        TestBench two = bench(42);
        one.simulation().simulate(steps());
        two.simulation().simulate(steps());
        for (String v : one.owner().variables()) {
            Object a = one.owner().get(v);
            if (a instanceof INDArray) {
                Object b = two.owner().get(v);
                assertTrue(b instanceof INDArray, "second run lacks '" + v + "'");
                assertArrayEquals(Tensors.toDoubles((INDArray) a), Tensors.toDoubles((INDArray) b),
                        "'" + v + "' differs between two runs with the same seed");
            }
        }
    }

    @Test
    void rejectsBadParametersWithClearErrors() {
        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        for (ParamSpec p : type().params()) {
            if (p.required()) {
                Map<String, Object> m = new LinkedHashMap<>(validParams());
                m.remove(p.name());
                cases.put(m, p.name());
            }
            if (p.min() != null) {
                Map<String, Object> m = new LinkedHashMap<>(validParams());
                m.put(p.name(), p.minExclusive() ? p.min() : p.min() - 1);
                cases.put(m, p.name());
            }
        }
        badParams().forEach((bad, name) -> {
            Map<String, Object> m = new LinkedHashMap<>(validParams());
            m.putAll(bad);
            cases.put(m, name);
        });
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            try {
                TestBench b = new TestBench(type(), c.getKey(), groupSize(), inputScale(), 3);
                b.simulation().step();
                fail(type().name() + " accepted bad parameters " + c.getKey() + " (expected an error naming '"
                        + c.getValue() + "')");
            } catch (ConexException e) {
                String msg = String.valueOf(e.getMessage());
                assertTrue(msg.contains(type().name()), "error should name the behavior " + type().name() + ": " + msg);
                assertTrue(msg.contains(c.getValue()), "error should name the parameter '" + c.getValue() + "': " + msg);
            }
        }
    }

    private static void assertFinite(NetworkObject o, String name, INDArray a, int step) {
        if (!a.dataType().isFPType()) {
            return;
        }
        double[] d = Tensors.toDoubles(a);
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                fail("'" + o.tag() + "'." + name + "[" + i + "] = " + d[i] + " after step " + step);
            }
        }
    }
}
