package org.conex.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that change the model file's values ({@code run} and {@code validate}). */
public final class ModelOptions {
    @Option(names = "--steps", paramLabel = "N", description = "Number of steps to simulate (overrides run.steps).")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", description = "Master random seed (overrides network.seed).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = {
        "Change one model value; repeatable. KEY is network.KEY, run.KEY, TAG.size,",
        "TAG.PARAM (the one behavior of group/synapse TAG declaring PARAM) or TAG.BEHAVIOR.PARAM.",
        "VALUE is JSON when it parses (20, true, [1,2]), text otherwise. Example: --set exc.tau=20"})
    List<String> set = new ArrayList<>();

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write a checkpoint every N steps (overrides run.checkpoint_every; 0 = never).")
    Long checkpointEvery;

    @Option(names = "--check-every", paramLabel = "N",
            description = "Scan all state for NaN/Inf every N steps (overrides run.check_every; 0 = never).")
    Long checkEvery;
}
