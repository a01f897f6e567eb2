package org.conex.api.behavior;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The registered description of a behavior: its name (the CoNeX class name, e.g. {@code "LIF"}),
 * version, default priority (the CoNeX priority table), the object kind it attaches to, its
 * declared parameters and a factory. Providers publish types; model files refer to them by name.
 *
 * <pre>{@code
 * public static final BehaviorType TYPE = BehaviorType.builder("LIF", LIF::new)
 *         .priority(260).target(Target.NEURON_GROUP)
 *         .param(ParamSpec.of("tau", ParamKind.NUMBER_OR_TENSOR).asRequired().greaterThan(0).unit("ms"))
 *         .build();
 * }</pre>
 */
public final class BehaviorType {
    private final String name;
    private final String version;
    private final double priority;
    private final Target target;
    private final List<ParamSpec> params;
    private final boolean initializeLast;
    private final List<String> tags;
    private final String description;
    private final WeightAccess weightAccess;
    private final Function<Params, ? extends Behavior<?>> factory;

    private BehaviorType(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.priority = b.priority;
        this.target = b.target;
        this.params = List.copyOf(b.params);
        this.initializeLast = b.initializeLast;
        this.tags = List.copyOf(b.tags);
        this.description = b.description;
        this.weightAccess = b.weightAccess;
        this.factory = b.factory;
    }

    public static Builder builder(String name, Function<Params, ? extends Behavior<?>> factory) {
        return new Builder(name, factory);
    }

    public String name() {
        return name;
    }

    /** Semantic version of this behavior's definition (for checkpoints and provider choice). */
    public String version() {
        return version;
    }

    /** Default priority (execution order key); a model may override it. */
    public double defaultPriority() {
        return priority;
    }

    public Target target() {
        return target;
    }

    public List<ParamSpec> params() {
        return params;
    }

    /** Initialised in the second pass, after every other behavior (spike catchers, recorders). */
    public boolean initializeLast() {
        return initializeLast;
    }

    /** Extra tags every instance carries (e.g. {@code weight_learning} for learning rules). */
    public List<String> tags() {
        return tags;
    }

    public String description() {
        return description;
    }

    /**
     * What the forward of a synapse-group behavior does to the owner's weights
     * ({@link WeightAccess#UNKNOWN} unless the type declares it).
     */
    public WeightAccess weightAccess() {
        return weightAccess;
    }

    /** Validates {@code raw} (see {@link Params#validate}). */
    public Params params(Map<String, ?> raw) {
        return Params.validate(name, params, raw);
    }

    /** Every parameter problem of {@code raw}, without creating anything. */
    public List<ParameterException> check(Map<String, ?> raw) {
        return Params.validateAll(name, params, raw);
    }

    /** Validates the parameters and creates a new, unattached instance. */
    public Behavior<?> create(Map<String, ?> raw) {
        return create(params(raw));
    }

    /** Creates an instance from already validated parameters. */
    public Behavior<?> create(Params p) {
        if (!p.component().equals(name)) {
            throw new IllegalArgumentException("parameters of " + p.component() + " given to " + name);
        }
        Behavior<?> b = factory.apply(p);
        b.setType(this);
        return b;
    }

    @Override
    public String toString() {
        return name + " " + version;
    }

    /** Builder for {@link BehaviorType}. */
    public static final class Builder {
        private final String name;
        private final Function<Params, ? extends Behavior<?>> factory;
        private String version = "1.0.0";
        private double priority = 0;
        private Target target = Target.ANY;
        private final List<ParamSpec> params = new ArrayList<>();
        private boolean initializeLast;
        private final List<String> tags = new ArrayList<>();
        private String description = "";
        private WeightAccess weightAccess = WeightAccess.UNKNOWN;

        private Builder(String name, Function<Params, ? extends Behavior<?>> factory) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("behavior name must be an identifier, found '" + name + "'");
            }
            this.name = name;
            this.factory = Objects.requireNonNull(factory, "factory");
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder priority(double p) {
            this.priority = p;
            return this;
        }

        public Builder target(Target t) {
            this.target = t;
            return this;
        }

        public Builder param(ParamSpec p) {
            params.add(p);
            return this;
        }

        public Builder params(ParamSpec... ps) {
            Collections.addAll(params, ps);
            return this;
        }

        public Builder initializeLast() {
            this.initializeLast = true;
            return this;
        }

        public Builder tag(String t) {
            tags.add(t);
            return this;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        /**
         * Declares what forward does to the synapse's weights (default {@link WeightAccess#UNKNOWN}):
         * {@link WeightAccess#NONE} for readers, {@link WeightAccess#REPORTED} for writers that mark
         * their changes on {@link org.conex.api.model.SynapseGroup#weightChanges()}.
         */
        public Builder weightAccess(WeightAccess access) {
            this.weightAccess = Objects.requireNonNull(access, "access");
            return this;
        }

        public BehaviorType build() {
            return new BehaviorType(this);
        }
    }
}
