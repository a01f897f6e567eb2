package org.conex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conex.cli.plot.HtmlReport;
import org.conex.cli.plot.PngPlots;
import org.conex.cli.plot.RunData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conex plot RUN}: PNG pictures (spike raster, traces, weight histograms and matrices) and
 * one self-contained interactive HTML page, written to {@code RUN/plots/}.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw a run folder's recordings: raster.png, trace-*.png, weights-*.png and an",
            "interactive report.html (works offline), in RUN/plots/ (or --out)."},
        footer = {"", "Exit codes: 0 ok, 4 not a run folder or cannot write the pictures."})
final class PlotCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder (runs/NAME-TIMESTAMP).")
    Path run;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the pictures (default: RUN/plots).")
    Path out;

    @Option(names = "--max-points", paramLabel = "N", description = "Most spikes drawn per group (default 200000).")
    int maxPoints = 200_000;

    @Option(names = "--neurons", paramLabel = "N", description = "Traces drawn per recorded variable (default 8).")
    int neurons = 8;

    PlotCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        if (maxPoints < 1 || neurons < 1) {
            ctx.error((maxPoints < 1 ? "--max-points" : "--neurons") + " must be at least 1, found "
                    + (maxPoints < 1 ? maxPoints : neurons));
            return ExitCode.INVALID;
        }
        Path dir = ModelLoading.resolve(ctx, run);
        Path target = out != null ? ModelLoading.resolve(ctx, out) : dir.resolve("plots");
        try {
            RunData data = RunData.open(dir);
            Files.createDirectories(target);
            List<Path> files = new ArrayList<>();
            Path raster = PngPlots.raster(data, target, maxPoints);
            if (raster != null) {
                files.add(raster);
            }
            files.addAll(PngPlots.traces(data, target, 4000, neurons));
            files.addAll(PngPlots.weights(data, target, 40));
            files.add(HtmlReport.write(data, target, Math.min(maxPoints, 100_000), 2000, neurons, 40));
            for (Path f : files) {
                ctx.out().println(ctx.workDir().relativize(f.toAbsolutePath()));
            }
            return ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            ctx.error("cannot plot " + dir + ": " + e.getMessage());
            return ExitCode.IO;
        }
    }
}
