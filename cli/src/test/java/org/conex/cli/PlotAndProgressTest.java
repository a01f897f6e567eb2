package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.conex.cli.run.ProgressBar;
import org.conex.cli.run.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures of a run, and the progress display on a terminal and in logs. */
class PlotAndProgressTest {
    @TempDir
    Path work;

    @Test
    void plotWritesPicturesAndAnOfflineReport() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.model("stdp-net.yaml");
        assertEquals(ExitCode.OK, cli.run("run", m.toString(), "--steps", "200", "--out", "r", "--progress", "none")
                .code());
        CliFixture.Result r = cli.run("plot", "r");
        assertEquals(ExitCode.OK, r.code(), r.all());
        for (String f : new String[] {"raster.png", "trace-out.v.png", "weights-dense.weights.hist.png",
            "weights-dense.weights.png"}) {
            BufferedImage img = ImageIO.read(work.resolve("r/plots/" + f).toFile());
            assertEquals(1000, img.getWidth(), f);
            assertEquals(560, img.getHeight(), f);
            assertTrue(r.out().contains(f), r.out());
        }
        String html = Files.readString(work.resolve("r/plots/report.html"));
        assertTrue(html.contains("const RUN = {\"name\":\"r\",\"dt\":1.0,\"rasters\":[{\"label\":\"inp.spikes\""),
                html.substring(0, 200));
        assertTrue(html.contains("uPlot") && html.length() > 50_000, "uPlot is inlined");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network resources");

        CliFixture.Result bad = cli.run("plot", "nowhere");
        assertEquals(ExitCode.IO, bad.code());
        assertTrue(bad.err().contains("is not a run folder with recordings"), bad.err());
        CliFixture.Result zero = cli.run("plot", "r", "--max-points", "0");
        assertEquals(ExitCode.INVALID, zero.code(), zero.all());
        assertTrue(zero.err().contains("--max-points must be at least 1, found 0"), zero.err());
        CliFixture.Result negative = cli.run("plot", "r", "--neurons", "-3");
        assertEquals(ExitCode.INVALID, negative.code(), negative.all());
        assertTrue(negative.err().contains("--neurons must be at least 1, found -3"), negative.err());
    }

    @Test
    void theBarShowsPercentRateAndEta() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        bar.start(1, 10_000);
        now.set(2_000_000_000L); // 2 s for 2500 steps: 1250 steps/s, 7500 left: 6 s
        bar.step(2500);
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\r[########......................]  25%  2500/10000 steps  1250 steps/s  ETA 6s ", s);
    }

    @Test
    void logLinesComeEveryTenPercent() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLog log = new ProgressLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        log.start(1, 1000);
        for (long t = 1; t <= 1000; t++) {
            now.addAndGet(10_000_000L); // 10 ms per step
            log.step(t);
        }
        log.finish(1000);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length);
        assertEquals("progress: step 100/1000 (10%), 100 steps/s, ETA 9s", lines[0]);
        assertEquals("progress: step 1000/1000 (100%), 100 steps/s, ETA 0s", lines[9]);
        assertEquals("progress: finished at step 1000 after 10s", lines[10]);
    }

    @Test
    void everyCommandHasHelpAndExitCodesAreDocumented() {
        CliFixture cli = new CliFixture(work);
        for (String c : new String[] {"run", "validate", "conformance", "plugins", "plot", "bench", "example"}) {
            CliFixture.Result r = cli.run(c, "--help");
            assertEquals(ExitCode.OK, r.code(), c);
            assertTrue(r.out().contains("Usage: conex " + c) && r.out().contains("Exit codes"), r.out());
        }
        CliFixture.Result r = cli.run("--help");
        assertTrue(r.out().contains("Exit codes: 0 ok, 1 run failed, 2 usage or model error"), r.out());
        r = cli.run("run", "--no-such-option");
        assertEquals(ExitCode.INVALID, r.code());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        r = cli.run("plugins");
        assertTrue(r.out().contains("LIF") && r.out().contains("org.conex.behaviors.NeuronBehaviors"), r.out());
        r = cli.run("example");
        assertTrue(r.out().startsWith("# The built-in example") && r.out().contains("type: InputLayer"), r.out());
        r = cli.run("plugins", "LIF");
        assertTrue(r.out().contains("tau") && r.out().contains("[ms]"), r.out());
    }
}
