package org.conex.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.conex.api.model.Network;
import org.conex.runtime.BehaviorFailure;
import org.conex.runtime.Simulation;
import org.conex.runtime.model.ModelBuilder;
import org.conex.runtime.model.ModelInvalidException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conex validate [MODEL]}: checks a model file and prints the resolved network and the
 * per-step behavior order, or every problem of the file with its JSON path. Writes nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a model file: print the resolved network and the per-step behavior order,",
            "or every problem in the file with its JSON path. Writes nothing."},
        footer = {"", "Exit codes: 0 valid, 2 invalid (problems listed), 4 file unreadable."})
final class ValidateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "Model file (.json, .yaml); the built-in default example when omitted.")
    Path model;

    @Mixin
    ModelOptions options = new ModelOptions();

    @Option(names = "--no-init", description = "Do not initialise the network (skips the behaviors' own checks;"
            + " faster for very large models).")
    boolean noInit;

    @Option(names = "--resolved", description = "Also print the resolved model as JSON.")
    boolean printResolved;

    ValidateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelLoading.Loaded m;
        try {
            m = ModelLoading.load(ctx, model, options);
        } catch (ModelInvalidException e) {
            ctx.err().println(e.getMessage());
            return ModelLoading.unreadable(e) ? ExitCode.IO : ExitCode.INVALID;
        }
        Network net;
        try {
            net = new ModelBuilder(ctx.registry(), m.reader()).build(m.spec(), m.document().name());
        } catch (ModelInvalidException e) {
            ctx.err().println(e.getMessage());
            return ExitCode.INVALID;
        }
        Simulation sim = new Simulation(net);
        if (!noInit) {
            try {
                sim.initialize();
            } catch (BehaviorFailure e) {
                ctx.err().println(m.document().name() + ": the network does not initialise: "
                        + ModelLoading.located(m.spec(), e));
                return ExitCode.INVALID;
            }
        }
        if (!noInit) {
            java.util.List<org.conex.runtime.model.ModelProblem> recorders =
                    org.conex.runtime.recording.RecordingSession.check(m.spec().recorders(), net);
            if (!recorders.isEmpty()) {
                ctx.err().println(new ModelInvalidException(m.document().name(), recorders).getMessage());
                return ExitCode.INVALID;
            }
        }
        for (String w : net.warnings()) {
            ctx.out().println("warning: " + w);
        }
        ctx.out().print(Summary.of(m.spec(), net));
        ctx.out().println();
        ctx.out().println("Per-step behavior order (priority, object, behavior):");
        ctx.out().print(sim.describeSchedule());
        if (printResolved) {
            ctx.out().println();
            ctx.out().print(org.conex.runtime.model.ModelWriter.toJson(m.spec()));
        }
        ctx.out().println();
        ctx.out().println(m.document().name() + ": valid");
        return ExitCode.OK;
    }
}
