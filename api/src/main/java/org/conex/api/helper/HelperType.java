package org.conex.api.helper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;

/**
 * The registered description of a helper: its name (the CoNeX class name, e.g. {@code "Poisson"},
 * {@code "DoGFilter"}, or a Java-port name such as {@code "MNIST"}), its {@link HelperKind}, its
 * declared parameters and a factory. Providers publish types; model files name them:
 * <pre>{@code
 * {"type": "Poisson", "params": {"time_window": 30, "ratio": 0.1666667}}
 * }</pre>
 * Parameters are validated exactly as behavior parameters are ({@link Params}).
 */
public final class HelperType {
    private final String name;
    private final HelperKind kind;
    private final String version;
    private final List<ParamSpec> params;
    private final String description;
    private final BiFunction<Params, HelperContext, ?> factory;

    private HelperType(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.version = b.version;
        this.params = List.copyOf(b.params);
        this.description = b.description;
        this.factory = b.factory;
    }

    /**
     * @param name    registered name, an identifier
     * @param kind    the family; the factory's products must implement {@link HelperKind#productType()}
     * @param factory creates an instance from validated parameters and the context
     */
    public static Builder builder(String name, HelperKind kind, BiFunction<Params, HelperContext, ?> factory) {
        return new Builder(name, kind, factory);
    }

    public String name() {
        return name;
    }

    public HelperKind kind() {
        return kind;
    }

    /** Semantic version of this helper's definition. */
    public String version() {
        return version;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public String description() {
        return description;
    }

    /** Validates {@code raw} against the declared parameters. */
    public Params params(Map<String, ?> raw) {
        return Params.validate(name, params, raw);
    }

    /** Every parameter problem of {@code raw}, without creating anything. */
    public List<ParameterException> check(Map<String, ?> raw) {
        return Params.validateAll(name, params, raw);
    }

    /** Validates the parameters and creates an instance of this kind's product type. */
    public Object create(Map<String, ?> raw, HelperContext context) {
        Objects.requireNonNull(context, "context");
        Object product = factory.apply(params(raw), context);
        if (!kind.productType().isInstance(product)) {
            throw new ConexException("helper " + name + " declared as " + kind.description() + " created a "
                    + (product == null ? "null" : product.getClass().getSimpleName()) + ", not a "
                    + kind.productType().getSimpleName());
        }
        return product;
    }

    /** {@link #create} cast to {@code expected}; a clear error if this helper is of another kind. */
    public <T> T create(Map<String, ?> raw, HelperContext context, Class<T> expected) {
        if (!expected.isAssignableFrom(kind.productType())) {
            throw new ConexException("helper " + name + " is " + kind.description() + " ("
                    + kind.productType().getSimpleName() + "), but " + expected.getSimpleName() + " is needed here");
        }
        return expected.cast(create(raw, context));
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + kind.description() + ")";
    }

    /** Builder for {@link HelperType}. */
    public static final class Builder {
        private final String name;
        private final HelperKind kind;
        private final BiFunction<Params, HelperContext, ?> factory;
        private String version = "1.0.0";
        private final List<ParamSpec> params = new ArrayList<>();
        private String description = "";

        private Builder(String name, HelperKind kind, BiFunction<Params, HelperContext, ?> factory) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("helper name must be an identifier, found '" + name + "'");
            }
            this.name = name;
            this.kind = Objects.requireNonNull(kind, "kind");
            this.factory = Objects.requireNonNull(factory, "factory");
        }

        public Builder version(String v) {
            this.version = v;
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

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public HelperType build() {
            return new HelperType(this);
        }
    }
}
