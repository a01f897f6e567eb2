package org.conex.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conex.runtime.conformance.ConformanceMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conex conformance [--seed S] DIR_OR_CASE...}: runs golden conformance cases. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Run conformance case files (recorded from the Python reference) and print",
            "PASS / FAIL / UNSUPPORTED per case and a summary line."},
        footer = {"", "Exit codes: 0 nothing failed, 1 a case failed, 2 no such file or no cases."})
final class ConformanceCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the cases' random streams (default 0).")
    Long seed;

    @Parameters(arity = "1..*", paramLabel = "DIR_OR_CASE", description = "Case files (.json) or folders of them.")
    List<String> paths = new ArrayList<>();

    ConformanceCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (seed != null) {
            args.add("--seed");
            args.add(seed.toString());
        }
        for (String p : paths) {
            args.add(ModelLoading.resolve(ctx, java.nio.file.Path.of(p)).toString());
        }
        return ConformanceMain.run(args.toArray(new String[0]), ctx.out(), ctx.err());
    }
}
