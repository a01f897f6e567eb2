package org.conex.behaviors.network;

import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.Network;

/**
 * The reward signal (network, priority 100). At initialize it sets the network scalar
 * {@code payoff := initial_payoff} (a double, default 0). The base class has no forward, so the
 * payoff stays constant unless another behavior (a {@link Schedule} subclass, or an InputSequence
 * driver at priority 110) writes it. {@link Dopamine} (priority 120) reads it every step.
 *
 * <p>To compute a reward each step, extend {@link Schedule} and implement
 * {@link Schedule#payoff(Network, long)} (or {@link VectorSchedule} for one reward per neuron); an
 * instance built with {@link Schedule#Schedule(double)} is typed as Payoff and lands at priority 100:
 * <pre>{@code
 * net.addBehavior(new Payoff.Schedule(0.0) {
 *     protected double payoff(Network n, long t) { return t; }
 * });
 * }</pre>
 */
public class Payoff extends Behavior<Network> {
    public static final BehaviorType TYPE = BehaviorType.builder("Payoff", Payoff::new)
            .priority(100).target(Target.NETWORK)
            .param(ParamSpec.of("initial_payoff", ParamKind.NUMBER).withDefault(0.0)
                    .doc("network.payoff at initialization (reward units)"))
            .description("sets network.payoff; subclasses (Payoff.Schedule) update it every step")
            .build();

    public Payoff(Params params) {
        super(params);
    }

    /** A constant payoff of {@code initialPayoff}, typed as {@link #TYPE} (default priority 100). */
    public Payoff(double initialPayoff) {
        this(TYPE.params(Map.of("initial_payoff", initialPayoff)));
        setType(TYPE);
    }

    @Override
    public void initialize(Network net) {
        net.put("payoff", params().number("initial_payoff"));
    }

    /**
     * A payoff computed every step: {@code network.payoff := payoff(network, t)} with {@code t} the
     * iteration (1 in the first step). Runs at priority 100 (before Dopamine at 120).
     *
     * <p>Checkpoints save the network's variables and the iteration, so a schedule that depends
     * only on them and on its parameters resumes exactly. A subclass that keeps state of its own
     * in fields (a running average of rewards, a random stream not obtained from
     * {@link #random()}) must implement {@link org.conex.api.tensor.Checkpointable}, or a resumed
     * run will differ from an uninterrupted one.
     */
    public abstract static class Schedule extends Payoff {
        /** @param params validated {@link Payoff#TYPE} parameters */
        protected Schedule(Params params) {
            super(params);
        }

        /** @param initialPayoff network.payoff before the first step */
        protected Schedule(double initialPayoff) {
            super(initialPayoff);
        }

        /** The payoff (reward) of iteration {@code t} (1-based). */
        protected abstract double payoff(Network network, long t);

        @Override
        public final void forward(Network net) {
            net.put("payoff", payoff(net, net.iteration()));
        }
    }

    /**
     * A tensor payoff computed every step, e.g. one reward per destination neuron of the synapses
     * an RSTDP rule trains: {@code network.payoff := payoff(network, t)} (a float vector in the
     * network dtype, the same length every step). {@link Dopamine} then keeps one concentration
     * per element. Before the first step the payoff is {@code initial_payoff} in every element
     * ({@link #size()} of them).
     * <pre>{@code
     * net.addBehavior(new Payoff.VectorSchedule(0.0, 10) {
     *     protected double[] payoff(Network n, long t) { return rewards[(int) t % rewards.length]; }
     * });
     * }</pre>
     */
    public abstract static class VectorSchedule extends Payoff {
        private final int size;

        /**
         * @param initialPayoff every element of network.payoff before the first step
         * @param size          number of elements (e.g. the destination group's size), &gt;= 1
         */
        protected VectorSchedule(double initialPayoff, int size) {
            super(initialPayoff);
            if (size < 1) {
                throw new IllegalArgumentException("a payoff vector needs at least one element, found " + size);
            }
            this.size = size;
        }

        /** The number of elements of the payoff. */
        public final int size() {
            return size;
        }

        /** The payoff of iteration {@code t} (1-based): {@link #size()} values. */
        protected abstract double[] payoff(Network network, long t);

        @Override
        public void initialize(Network net) {
            double[] v = new double[size];
            java.util.Arrays.fill(v, params().number("initial_payoff"));
            net.put("payoff", org.conex.api.tensor.Tensors.of(net.dtype(), v, size));
        }

        @Override
        public final void forward(Network net) {
            double[] v = payoff(net, net.iteration());
            if (v == null || v.length != size) {
                throw error("payoff(network, " + net.iteration() + ") returned " + (v == null ? "null" : v.length
                        + " values") + ", expected " + size);
            }
            org.conex.api.tensor.Vec p = net.vec("payoff");
            for (int k = 0; k < size; k++) {
                p.set(k, v[k]);
            }
        }
    }
}
