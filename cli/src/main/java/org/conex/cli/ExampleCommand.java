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
        ctx.out().print(withDataPaths(ModelLoading.defaultDocument().text(),
                ModelLoading.dataDirectory(ctx).toAbsolutePath().normalize()));
        return ExitCode.OK;
    }

    /**
     * The example with its data paths ({@code mnist10k/...}, relative to the installation's data
     * folder when run built in) made absolute, so that the printed model runs from any folder.
     */
    static String withDataPaths(String example, java.nio.file.Path dataDir) {
        String text = example.replace("# Relative data paths resolve against the data folder of the installation"
                + " (data/mnist10k).", "# The data paths below point at the installation's data folder; copy"
                + " mnist10k/ next to your\n# model and write mnist10k/... to make it self-contained.");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(images|labels): (mnist10k/[A-Za-z0-9._\\-]+)")
                .matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String path = dataDir.resolve(m.group(2)).toString().replace("\\", "\\\\").replace("\"", "\\\"");
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(m.group(1) + ": \"" + path + "\""));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
