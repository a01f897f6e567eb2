package org.conex.behaviors.neurons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.behaviors.drivers.InputSequence;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A small network builder for unit tests: groups, behaviors by type and parameters, direct
 * writes and reads of state variables, and stepping through the real scheduler.
 */
final class NeuronFixture {
    final Network net;
    final Simulation sim;

    NeuronFixture() {
        this(DType.FLOAT32, 1.0);
    }

    NeuronFixture(DType dtype, double dt) {
        net = new Network("net", dtype, SynapseMode.SxD, 42L);
        net.put("dt", dt);
        sim = new Simulation(net);
    }

    /** Parameters from alternating names and values. */
    static Map<String, Object> p(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    NeuronGroup group(String tag, int n) {
        return net.addNeuronGroup(tag, n);
    }

    NeuronGroup group(String tag, int depth, int height, int width) {
        return net.addNeuronGroup(tag, new NeuronShape(depth, height, width));
    }

    SynapseGroup synapse(String tag, NeuronGroup src, NeuronGroup dst, String... tags) {
        return net.addSynapseGroup(tag, src, dst, tags);
    }

    /** Creates a behavior of {@code type} and attaches it at its default priority. */
    <B extends Behavior<?>> B add(NetworkObject owner, BehaviorType type, Map<String, Object> params) {
        @SuppressWarnings("unchecked")
        B b = (B) type.create(params);
        return owner.addBehavior(b);
    }

    /** An InputSequence ("set") writing {@code rows} into {@code variable} at {@code priority}. */
    void drive(NetworkObject owner, double priority, String variable, boolean bool, double[]... rows) {
        List<List<Double>> values = new java.util.ArrayList<>();
        for (double[] r : rows) {
            List<Double> row = new java.util.ArrayList<>();
            for (double x : r) {
                row.add(x);
            }
            values.add(row);
        }
        owner.addBehavior(priority, InputSequence.TYPE.create(p("variable", variable, "values", values,
                "dtype", bool ? "bool" : "float")));
    }

    /** Writes a float vector in the network's dtype. */
    void set(NetworkObject o, String name, double... values) {
        o.put(name, Tensors.of(net.dtype(), values, values.length));
    }

    /** Writes a bool vector (non-zero = true). */
    void setBools(NetworkObject o, String name, double... values) {
        boolean[] b = new boolean[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = values[i] != 0;
        }
        o.put(name, Tensors.bools(b, b.length));
    }

    /** Writes a long vector. */
    void setLongs(NetworkObject o, String name, long... values) {
        o.put(name, Tensors.longs(values, values.length));
    }

    /** Reads any tensor variable as doubles (bools as 0/1). */
    static double[] get(NetworkObject o, String name) {
        INDArray a = o.array(name);
        return Tensors.toDoubles(a);
    }

    static boolean isBool(NetworkObject o, String name) {
        return o.array(name).dataType() == DataType.BOOL;
    }

    void init() {
        sim.initialize();
    }

    void step() {
        sim.step();
    }

    void steps(int n) {
        sim.simulate(n);
    }

    /** Rounds to float32 (expected values computed in float arithmetic). */
    static double f(double x) {
        return (float) x;
    }
}
