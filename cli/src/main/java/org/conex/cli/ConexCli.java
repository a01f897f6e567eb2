package org.conex.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.conex.runtime.BehaviorRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code conex} command: {@code run}, {@code validate}, {@code plot}, {@code plugins},
 * {@code example}, {@code conformance} and {@code bench}, each with {@code --help}. Exit codes are in {@link ExitCode}.
 * {@code bin/conex} calls {@link #run(String[], PrintStream, PrintStream, BehaviorRegistry)} with
 * the registry of the platform; {@link #main} uses the providers on the class path.
 */
@Command(name = "conex", mixinStandardHelpOptions = true, versionProvider = ConexCli.Version.class,
        description = "CoNeX for the JVM: simulate spiking neural networks described in model files.",
        footer = {"", "Exit codes: 0 ok, 1 run failed, 2 usage or model error, 3 checkpoint error,",
            "4 input/output error, 130 interrupted. See docs/cli.md."},
        subcommands = CommandLine.HelpCommand.class)
public final class ConexCli implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--stacktrace", description = "Print stack traces of unexpected errors (for bug reports).")
    void stackTraces(boolean b) {
        ctx.setStackTraces(b);
    }

    ConexCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.err().println("conex: a command is required: run, validate, plot, plugins, example, conformance or bench"
                + " (conex --help)");
        return ExitCode.INVALID;
    }

    /** Entry point with the behavior providers found on the class path. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, BehaviorRegistry.fromClassPath()));
    }

    /**
     * Runs one command line and returns its exit code; never calls System.exit.
     *
     * @param registry the installed behavior types
     */
    public static int run(String[] args, PrintStream out, PrintStream err, BehaviorRegistry registry) {
        return run(args, new CliContext(out, err, registry, null, Path.of("").toAbsolutePath()));
    }

    /** Runs one command line in {@code ctx}. */
    public static int run(String[] args, CliContext ctx) {
        CommandLine cl = commandLine(ctx);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    /** The picocli command tree bound to {@code ctx}. */
    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new ConexCli(ctx));
        cl.addSubcommand(new RunCommand(ctx));
        cl.addSubcommand(new ValidateCommand(ctx));
        cl.addSubcommand(new ConformanceCommand(ctx));
        cl.addSubcommand(new PluginsCommand(ctx));
        cl.addSubcommand(new PlotCommand(ctx));
        cl.addSubcommand(new BenchCommand(ctx));
        cl.addSubcommand(new ExampleCommand(ctx));
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setExitCodeExceptionMapper(t -> ExitCode.RUN_FAILED);
        cl.setParameterExceptionHandler((ex, a) -> {
            ctx.err().println("conex: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            ctx.err().println("Usage: " + c.getCommandSpec().qualifiedName() + " --help  (shows every option)");
            return ExitCode.INVALID;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            ctx.error("internal error: " + ex + (ctx.stackTraces() ? "" : " (run with --stacktrace for details and"
                    + " report it)"));
            if (ctx.stackTraces()) {
                ex.printStackTrace(ctx.err());
            }
            return ExitCode.RUN_FAILED;
        });
        return cl;
    }

    /** The version shown by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConexCli.class.getPackage().getImplementationVersion();
            return new String[] {"conex " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java "
                    + System.getProperty("java.version") + ")"};
        }
    }
}
