package org.conex.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the plot package lands. */
@Command(name = "plot", mixinStandardHelpOptions = true, description = "Plot a run folder.")
final class PlotCommand implements Callable<Integer> {
    private final CliContext ctx;

    PlotCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.error("plot is not available yet");
        return ExitCode.INVALID;
    }
}
