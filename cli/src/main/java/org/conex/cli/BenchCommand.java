package org.conex.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.conex.api.model.Network;
import org.conex.runtime.Simulation;
import org.conex.runtime.model.ModelBuilder;
import org.conex.runtime.model.ModelInvalidException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conex bench [MODEL]}: a quick throughput measurement of one model (steps per second after
 * a warm-up, without recording). The full benchmark suite belongs to a benchmarks module; this
 * command is the entry point it will extend.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure simulation speed of a model (default: the built-in example): steps per second",
            "after a warm-up, without recording or checkpoints. Writes nothing."},
        footer = {"", "Exit codes: 0 ok, 1 the model failed while running, 2 invalid model."})
final class BenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "Model file; default example if omitted.")
    Path model;

    @Mixin
    ModelOptions options = new ModelOptions();

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up steps before timing (default 100).")
    long warmup = 100;

    @Option(names = "--repeat", paramLabel = "R", description = "Timed repetitions of run.steps steps (default 3).")
    int repeat = 3;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelLoading.Loaded m;
        Network net;
        try {
            m = ModelLoading.load(ctx, model, options);
            net = new ModelBuilder(ctx.registry(), m.reader()).build(m.spec(), m.document().name());
        } catch (ModelInvalidException e) {
            ctx.err().println(e.getMessage());
            return ExitCode.INVALID;
        }
        Simulation sim = new Simulation(net);
        try {
            sim.initialize();
            sim.simulate(warmup);
            long steps = m.spec().run().steps();
            ctx.out().printf("%s: %d neuron groups, %d synapse groups, %d steps per repetition%n", m.spec().name(),
                    net.neuronGroups().size(), net.synapseGroups().size(), steps);
            for (int r = 1; r <= repeat; r++) {
                long t0 = System.nanoTime();
                sim.simulate(steps);
                double s = (System.nanoTime() - t0) / 1e9;
                ctx.out().printf("  repetition %d: %.3f s, %.0f steps/s, %.3f ms/step%n", r, s, steps / s,
                        steps == 0 ? 0 : s * 1000 / steps);
            }
        } catch (RuntimeException e) {
            ctx.error("the model failed while running: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        return ExitCode.OK;
    }
}
