package org.conex.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level 3: the packaged distribution (distribution/target/conex), run for real through
 * {@code bin/conex} from an unrelated working directory, as a user would.
 */
class DistributionSmokeIT {
    static final Path HOME = Path.of(System.getProperty("conex.distribution", "../distribution/target/conex"));

    @TempDir
    static Path cwd;

    record Result(int code, String out) {
    }

    @BeforeAll
    static void distributionExists() {
        assertTrue(Files.isExecutable(HOME.resolve("bin/conex")), "no distribution at " + HOME.toAbsolutePath()
                + " (build it with mvn package)");
        for (String d : List.of("lib", "bundle", "deploy", "conf", "models", "samples")) {
            assertTrue(Files.isDirectory(HOME.resolve(d)), "distribution lacks " + d + "/");
        }
        assertFalse(Files.exists(HOME.resolve("bundle/conex-example-izhikevich-0.1.0-SNAPSHOT.jar")),
                "the example plugin must not be in bundle/");
    }

    static Result conex(String... args) throws IOException, InterruptedException {
        return conexWithInput("", args);
    }

    static Result conexWithInput(String input, String... args) throws IOException, InterruptedException {
        return conexWithEnv(java.util.Map.of(), input, args);
    }

    static Result conexWithEnv(java.util.Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("bin/conex").toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("CONEX_XMX", "1g");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "bin/conex " + String.join(" ", args) + " did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void pluginsListsProvidersWithBundleVersionAndRanking() throws Exception {
        Result r = conex("plugins");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("RANKING"), r.out());
        assertTrue(r.out().matches("(?s).*LIF\\s+1\\.0\\.0\\s+260\\s+neuron_group\\s+0\\s+org\\.conex\\.behaviors"
                + " 0\\.1\\.0\\.SNAPSHOT.*"), r.out());
        assertFalse(r.out().contains("Izhikevich"), "the example plugin is not installed by default");
    }

    @Test
    void pluginsWithNamesDescribesTheirParametersAndRefusesUnknownOnes() throws Exception {
        Result r = conex("plugins", "LIF", "Fire");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("LIF 1.0.0: ") && r.out().contains("default priority 260, attaches to"), r.out());
        assertTrue(r.out().matches("(?s).*\\n    threshold\\s+.*\\[mV\\], required.*"), r.out());
        assertTrue(r.out().contains("Fire 1.0.0: "), r.out());
        Result bad = conex("plugins", "LIFF");
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.out().contains("conex: unknown behavior 'LIFF'") && bad.out().contains("LIF"), bad.out());
    }

    @Test
    void conformanceRunsGoldenCasesOnTheBundledBehaviors() throws Exception {
        Path golden = Path.of(System.getProperty("conex.shared.dir", "../../shared"), "golden");
        for (String alt : List.of("../../shared/golden", "../../../shared/golden")) {
            if (!Files.isDirectory(golden)) {
                golden = Path.of(alt);
            }
        }
        Assumptions.assumeTrue(Files.isDirectory(golden), "golden corpus not found");
        Result r = conex("conformance", golden.resolve("lif_const_drive.json").toAbsolutePath().toString(),
                golden.resolve("input_sequence_add_current.json").toAbsolutePath().toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("PASS lif_const_drive"), r.out());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
    }

    @Test
    void hotInstallDemoInstallsSwapsRemovesAndReinstallsWhileRunning() throws Exception {
        Result r = conex("demo", "--auto");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("izh started"), r.out());
        assertTrue(r.out().contains("kept [v, spikes], initialised [u]"), r.out());
        assertTrue(r.out().contains("loop survived uninstall: true"), r.out());
        assertTrue(r.out().contains("kept [v, u, spikes]"), r.out());
        assertTrue(r.out().contains("hot-install demo OK"), r.out());
    }

    @Test
    void runExecutesTheDefaultExampleThroughTheCli() throws Exception {
        Path out = cwd.resolve("run1");
        Result r = conex("run", "--steps", "20", "--out", out.toString(), "--progress", "none");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("completed 20 steps"), r.out());
        assertTrue(Files.isDirectory(out.resolve("recordings")), r.out());
    }

    @Test
    void shellLoadsStepsAndReportsAModelWithSimCommands() throws Exception {
        String model = HOME.resolve("models/hotswap-demo.json").toAbsolutePath().toString();
        Result r = conexWithInput("sim:load " + model + "\nsim:step 5\nsim:providers\nsim:status\n"
                + "sim:swap izh Izhikevich\nsim:swap izh AELIFF\nstop 0\n", "shell");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("loaded hotswap-demo"), r.out());
        assertTrue(r.out().contains("model hotswap-demo: iteration 5, halted"), "the model survives between commands: "
                + r.out());
        assertTrue(r.out().matches("(?s).*izh\\s+WAITING\\s+Izhikevich.*"), r.out());
        assertTrue(r.out().contains("org.conex.behaviors 0.1.0.SNAPSHOT"), r.out());
        // a model that is not installed (yet) gets why that may be so right after a drop into deploy/;
        // a typo of an installed one gets a suggestion instead
        assertTrue(r.out().contains("unknown model 'Izhikevich'"), r.out());
        assertTrue(r.out().matches("(?s).*unknown model 'AELIFF' \\(did you mean [^)]*\\bAELIF\\b.*"), r.out());
        assertEquals(1, r.out().split("A bundle just copied into deploy/ needs a moment to start", -1).length - 1,
                "the deploy hint for the unknown name only, not for the typo: " + r.out());
    }

    @Test
    void benchRunsAWorkloadWithItsPluginOnlyOnItsOwnClassPath() throws Exception {
        try (var lib = java.nio.file.Files.list(HOME.resolve("lib"))) {
            assertFalse(lib.anyMatch(p -> p.getFileName().toString().startsWith("conex-benchmarks")),
                    "the paper-network behaviors are not on the class path of run/validate/plot");
        }
        try (var bench = java.nio.file.Files.list(HOME.resolve("lib/bench"))) {
            assertTrue(bench.anyMatch(p -> p.getFileName().toString().startsWith("conex-benchmarks")));
        }
        Result r = conex("bench", "conex-1k", "--runs", "1", "--warmup", "1", "--warmup-seconds", "0");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("input_spikes=5902 exc_spikes=20976"), "deterministic summary: " + r.out());
    }

    @Test
    void theBuildMakesAClassDataArchiveThatStartsMap() throws Exception {
        // a JVM that shares the JDK's own classes (as this one does) can also write and map the
        // distribution's archive; -Xshare:on makes the start fail if the archive cannot be mapped
        var diagnostic = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class);
        Assumptions.assumeTrue("true".equals(diagnostic.getVMOption("UseSharedSpaces").getValue()),
                "this JVM runs without class-data sharing");
        Assumptions.assumeFalse(Boolean.getBoolean("conex.cds.skip"), "built with -Dconex.cds.skip=true");
        Path archive = HOME.resolve("cache/cds/conex.jsa");
        assertTrue(Files.isRegularFile(archive), "the build made no archive at " + archive);
        assertEquals(Long.toString(Files.size(archive)), Files.readString(HOME.resolve("cache/cds/conex.jsa.bytes")).trim(),
                "the recorded size is the archive's");
        Result r = conexWithEnv(java.util.Map.of("CONEX_OPTS", "-Xshare:on"), "", "plugins");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("RANKING"), r.out());
    }

    @Test
    void anIncompleteArchiveIsNotUsedAndNoneStartsWithout() throws Exception {
        Path archive = HOME.resolve("cache/cds/conex.jsa");
        Assumptions.assumeTrue(Files.isRegularFile(archive), "no archive to cut (see the test above)");
        // an archive cut short, as an interrupted copy leaves it: its size differs from the recorded one
        Path cut = cwd.resolve("cut.jsa");
        byte[] head = new byte[1 << 20];
        try (var in = Files.newInputStream(archive)) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        Files.write(cut, head);
        Files.writeString(cwd.resolve("cut.jsa.bytes"), Long.toString(Files.size(archive)) + "\n");
        Result r = conexWithEnv(java.util.Map.of("CONEX_CDS", cut.toString()), "", "plugins");
        assertEquals(0, r.code(), "mapping a cut archive would crash the JVM: " + r.out());
        assertTrue(r.out().contains("RANKING"), r.out());
        Result none = conexWithEnv(java.util.Map.of("CONEX_CDS", "none"), "", "plugins");
        assertEquals(0, none.code(), none.out());
        assertTrue(none.out().contains("RANKING"), none.out());
    }

    @Test
    void unknownCommandsGoToTheCliAndHelpWorks() throws Exception {
        Result help = conex("help");
        assertEquals(0, help.code(), help.out());
        assertTrue(help.out().contains("usage: conex COMMAND"), help.out());
        Result bad = conex("no-such-command");
        assertEquals(2, bad.code(), bad.out());
    }
}
