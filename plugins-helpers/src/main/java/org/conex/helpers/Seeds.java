package org.conex.helpers;

import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.helper.HelperContext;
import org.conex.api.tensor.RandomStream;

/**
 * The {@code seed} parameter shared by stochastic helpers: an explicit seed gives
 * {@code new RandomStream(seed)}; without one the helper draws from the context's stream
 * {@code <scope>/<helper name>}, derived from the network's master seed.
 */
public final class Seeds {
    /** Optional integer {@code seed}. */
    public static final ParamSpec SPEC = ParamSpec.of("seed", ParamKind.INTEGER)
            .doc("explicit seed; default: a stream derived from the network's master seed");

    private Seeds() {
    }

    /** The stream a helper named {@code name} uses under these parameters. */
    public static RandomStream stream(Params p, HelperContext ctx, String name) {
        Object seed = p.get("seed");
        return seed != null ? new RandomStream(((Number) seed).longValue()) : ctx.stream(name);
    }
}
