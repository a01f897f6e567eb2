package org.conex.behaviors.learning;

import java.util.HashMap;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.Network;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.runtime.Simulation;

/**
 * A network with one synapse group {@code s} from {@code src} (S neurons) to {@code dst} (D
 * neurons) whose learning inputs (pre/post spikes and traces) are set directly by the test, as the
 * spec's section 8 suggests. Stub {@code PreTrace}/{@code PostTrace} behaviors (no forward) carry
 * {@code tau_s} for the iSTDP rules.
 */
final class LearningFixture {
    final Network net;
    final SynapseGroup syn;
    final Simulation sim;
    final int nSrc;
    final int nDst;

    LearningFixture(DType dtype, int nSrc, int nDst) {
        this.net = new Network("net", dtype, SynapseMode.SxD, 1L);
        this.nSrc = nSrc;
        this.nDst = nDst;
        this.syn = net.addSynapseGroup("s", net.addNeuronGroup("src", nSrc), net.addNeuronGroup("dst", nDst));
        this.sim = new Simulation(net);
        traces(new double[nSrc], new double[nDst]);
        spikes(new boolean[nSrc], new boolean[nDst]);
    }

    /** Dense weights {@code [S, D]}. */
    LearningFixture dense(double[][] w) {
        double[] flat = new double[nSrc * nDst];
        for (int i = 0; i < nSrc; i++) {
            System.arraycopy(w[i], 0, flat, i * nDst, nDst);
        }
        syn.put("weights", Tensors.of(net.dtype(), flat, nSrc, nDst));
        return this;
    }

    /** One-to-one weights {@code [N]}. */
    LearningFixture vector(double... w) {
        syn.put("weights", Tensors.of(net.dtype(), w, w.length));
        return this;
    }

    /** Sparse weights holding the non-zero entries of {@code w}. */
    LearningFixture sparse(double[][] w) {
        int n = 0;
        for (double[] r : w) {
            for (double x : r) {
                n += x != 0 ? 1 : 0;
            }
        }
        long[] r = new long[n];
        long[] c = new long[n];
        double[] v = new double[n];
        int k = 0;
        for (int i = 0; i < nSrc; i++) {
            for (int j = 0; j < nDst; j++) {
                if (w[i][j] != 0) {
                    r[k] = i;
                    c[k] = j;
                    v[k++] = w[i][j];
                }
            }
        }
        syn.put("weights", SparseWeights.fromCoo(nSrc, nDst, r, c, v, net.dtype()));
        return this;
    }

    LearningFixture traces(double[] pre, double[] post) {
        syn.put("pre_trace", Tensors.of(net.dtype(), pre, nSrc));
        syn.put("post_trace", Tensors.of(net.dtype(), post, nDst));
        return this;
    }

    LearningFixture spikes(boolean[] pre, boolean[] post) {
        syn.put("pre_spike", Tensors.bools(pre, nSrc));
        syn.put("post_spike", Tensors.bools(post, nDst));
        return this;
    }

    /** Network scalars {@code payoff}-free dopamine for the RSTDP rules. */
    LearningFixture dopamine(double d) {
        net.put("dopamine_concentration", d);
        return this;
    }

    /** Stub PreTrace (460) and PostTrace (480) carrying only their tau_s. */
    LearningFixture traceTaus(double pre, double post) {
        syn.addBehavior(460, StubTrace.PRE.create(Map.of("tau_s", pre)));
        syn.addBehavior(480, StubTrace.POST.create(Map.of("tau_s", post)));
        return this;
    }

    /** Creates a behavior of {@code type} from key/value pairs and attaches it at its priority. */
    Behavior<?> add(BehaviorType type, Object... kv) {
        return syn.addBehavior(type.create(params(kv)));
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The flat contents of {@code s.weights} (the dense view for sparse weights). */
    double[] weights() {
        Object w = syn.get("weights");
        if (w instanceof SparseWeights) {
            return Tensors.toDoubles(((SparseWeights) w).toDense());
        }
        return Tensors.toDoubles(syn.array("weights"));
    }

    double[] array(String name) {
        return Tensors.toDoubles(syn.array(name));
    }

    Vec vec(String name) {
        return syn.vec(name);
    }

    /** Stand-ins for the synapse engineer's traces: only the tau_s parameter matters here. */
    static final class StubTrace extends Behavior<SynapseGroup> {
        static final BehaviorType PRE = type("PreTrace");
        static final BehaviorType POST = type("PostTrace");

        StubTrace(Params p) {
            super(p);
        }

        private static BehaviorType type(String name) {
            return BehaviorType.builder(name, StubTrace::new).target(Target.SYNAPSE_GROUP)
                    .param(ParamSpec.of("tau_s", ParamKind.NUMBER).asRequired()).build();
        }
    }
}
