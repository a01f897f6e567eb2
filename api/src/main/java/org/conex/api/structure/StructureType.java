package org.conex.api.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;

/**
 * The registered description of a structure type: its name (the CoNeX class name, e.g.
 * {@code "CorticalLayer"}), version, declared parameters and the factory that builds an
 * instance from a {@link StructureContext}. Saved documents and model files refer to structure
 * types by this name only, never by Java class.
 *
 * <pre>{@code
 * public static final StructureType TYPE = StructureType.builder("Synapsis", Synapsis::new)
 *         .param(ParamSpec.of("input_port", ParamKind.STRING).doc("output port of the source"))
 *         .description("connects two structures through their ports")
 *         .build();
 * }</pre>
 */
public final class StructureType {
    private final String name;
    private final String version;
    private final List<ParamSpec> params;
    private final String description;
    private final StructureFactory factory;

    private StructureType(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.params = List.copyOf(b.params);
        this.description = b.description;
        this.factory = b.factory;
    }

    /**
     * @param name    registered name: an identifier (letters, digits, '_'; no dots)
     * @param factory builds an instance from a context
     */
    public static Builder builder(String name, StructureFactory factory) {
        return new Builder(name, factory);
    }

    public String name() {
        return name;
    }

    /** Semantic version of this type's definition. */
    public String version() {
        return version;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public String description() {
        return description;
    }

    /** Validates {@code raw} against the declared parameters (see {@link Params#validate}). */
    public Params params(Map<String, ?> raw) {
        return Params.validate(name, params, raw);
    }

    /** Every parameter problem of {@code raw}, without creating anything. */
    public List<ParameterException> check(Map<String, ?> raw) {
        return Params.validateAll(name, params, raw);
    }

    /** Builds an instance (the factory registers it with the context's network). */
    public Structure create(StructureContext context) {
        return factory.create(context);
    }

    @Override
    public String toString() {
        return name + " " + version;
    }

    /** Builder for {@link StructureType}. */
    public static final class Builder {
        private final String name;
        private final StructureFactory factory;
        private String version = "1.0.0";
        private final List<ParamSpec> params = new ArrayList<>();
        private String description = "";

        private Builder(String name, StructureFactory factory) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("structure type name must be an identifier, found '" + name + "'");
            }
            this.name = name;
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

        public StructureType build() {
            return new StructureType(this);
        }
    }
}
