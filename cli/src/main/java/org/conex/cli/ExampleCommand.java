package org.conex.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code conex example}: prints the built-in example model, to start a model of one's own from it. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = {"Print the built-in example model (what 'conex run' runs without MODEL), e.g.",
            "  conex example > my-model.yaml"},
        footer = {"", "Exit codes: 0 ok."})
final class ExampleCommand implements Callable<Integer> {
    private final CliContext ctx;

    ExampleCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().print(ModelLoading.defaultDocument().text());
        return ExitCode.OK;
    }
}
