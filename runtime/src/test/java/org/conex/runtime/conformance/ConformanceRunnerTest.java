package org.conex.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on synthetic cases built from the test behavior Ramp (v = start + slope * t,
 * float32): exact expectations, tolerances, missing behaviors and statistics.
 */
class ConformanceRunnerTest {
    @TempDir
    Path dir;

    private static String rampCase(String name, String expectedV, String tolerance) {
        return "{\"name\":\"" + name + "\",\"kind\":\"deterministic\",\"steps\":3,\"dtype\":\"float32\","
                + "\"network_behaviors\":[],"
                + "\"neuron_groups\":[{\"tag\":\"g\",\"size\":2,\"behaviors\":[{\"type\":\"Ramp\",\"priority\":10,"
                + "\"params\":{\"slope\":0.1,\"start\":1}}],\"initial\":{\"v\":[0,1]}}],"
                + "\"synapse_groups\":[],\"record\":[{\"object\":\"g\",\"variable\":\"v\"}],"
                + "\"expected\":{\"g.v\":" + expectedV + "},\"tolerance\":" + tolerance + "}";
    }

    private Path write(String file, String json) throws IOException {
        Path p = dir.resolve(file);
        Files.writeString(p, json);
        return p;
    }

    private static ConformanceRunner runner() {
        return new ConformanceRunner(BehaviorRegistry.fromClassPath(), 0);
    }

    @Test
    void passWhenWithinToleranceAfterInitialValues() throws IOException {
        // initial v = [0, 1] overrides start=1; three float32 steps of 0.1
        Path p = write("ok.json", rampCase("ok", "[[0.1,1.1],[0.2,1.2],[0.3,1.3]]", "{\"abs\":1e-6,\"rel\":1e-5}"));
        CaseResult r = runner().run(p);
        assertEquals("PASS ok", r.line());
    }

    @Test
    void failNamesWorstVariableStepAndErrorOverTolerance() throws IOException {
        Path p = write("bad.json", rampCase("bad", "[[0.1,1.1],[0.2,1.25],[0.3,1.3]]",
                "{\"abs\":1e-6,\"rel\":0,\"per_variable\":{\"g.v\":{\"abs\":0.001,\"rel\":0}}}"));
        CaseResult r = runner().run(p);
        assertEquals(CaseResult.Status.FAIL, r.status());
        assertTrue(r.line().startsWith("FAIL bad g.v step 2 index 1: got 1.2, expected 1.25, error 0.0500"),
                r.line());
        assertTrue(r.line().endsWith("/ tolerance 0.00100"), r.line());
    }

    @Test
    void unsupportedNamesTheMissingBehaviors() throws IOException {
        String json = rampCase("u", "[[0,0]]", "{}").replace("\"type\":\"Ramp\"", "\"type\":\"Izhikevich\"");
        CaseResult r = runner().run(write("u.json", json));
        assertEquals("UNSUPPORTED u Izhikevich", r.line());
    }

    @Test
    void statisticalCasesCheckTheirStatistics() throws IOException {
        String json = "{\"name\":\"s\",\"kind\":\"statistical\",\"steps\":4,\"network_behaviors\":[],"
                + "\"neuron_groups\":[{\"tag\":\"g\",\"size\":2,\"behaviors\":[{\"type\":\"Ramp\",\"priority\":10,"
                + "\"params\":{\"slope\":1}}]}],\"synapse_groups\":[],"
                + "\"record\":[{\"object\":\"g\",\"variable\":\"v\"}],\"statistics\":["
                + "{\"name\":\"m\",\"object\":\"g\",\"variable\":\"v\",\"reduce\":\"mean\",\"steps\":[3,4],\"value\":3.5,"
                + "\"check\":\"abs(value_port - value) <= tolerance_abs\",\"tolerance_abs\":0.01},"
                + "{\"name\":\"mx\",\"object\":\"g\",\"variable\":\"v\",\"reduce\":\"max\",\"steps\":[1,4],"
                + "\"check\":\"bound\",\"bound\":\"<= 4\"}]}";
        assertEquals("PASS s", runner().run(write("s.json", json)).line());
        String failing = json.replace("\"value\":3.5", "\"value\":3.0");
        CaseResult r = runner().run(write("s2.json", failing));
        assertEquals("FAIL s m (mean of g.v) = 3.5, expected 3.0 +- 0.01 (error/tolerance 50.0)", r.line());
    }

    @Test
    void brokenFilesFailWithAReasonInsteadOfCrashing() throws IOException {
        assertTrue(runner().run(write("t.json", "{\"name\": \"t\", ")).line().startsWith("FAIL t unreadable case file"));
        String badParam = rampCase("bp", "[[0,0]]", "{}").replace("\"slope\":0.1", "\"slope\":\"fast\"");
        assertEquals("FAIL bp error: neuron_groups[0] 'g', behaviors[0] Ramp: Ramp: parameter 'slope' expected a number,"
                + " found the text \"fast\"", runner().run(write("bp.json", badParam)).line());
    }

    /** A file that compares nothing must not pass. */
    @Test
    void casesThatCheckNothingFail() throws IOException {
        assertEquals("FAIL bad invalid case: 'kind' must be \"deterministic\" or \"statistical\", found nothing",
                runner().run(write("bad.json", "{\"bad\":1}")).line());
        String noExpected = rampCase("ne", "[[0,0]]", "{}").replace("\"expected\":{\"g.v\":[[0,0]]},", "");
        assertEquals("FAIL ne invalid case: a deterministic case needs 'expected' values, found nothing",
                runner().run(write("ne.json", noExpected)).line());
        String emptyExpected = rampCase("ee", "[[0,0]]", "{}").replace("{\"g.v\":[[0,0]]}", "{}");
        assertEquals("FAIL ee invalid case: a deterministic case needs 'expected' values, found an empty object",
                runner().run(write("ee.json", emptyExpected)).line());
        String noSteps = rampCase("ns", "[[0,0]]", "{}").replace("\"steps\":3,", "\"steps\":0,");
        assertEquals("FAIL ns invalid case: 'steps' must be a whole number >= 1, found 0",
                runner().run(write("ns.json", noSteps)).line());
        String noRecord = rampCase("nr", "[[0,0]]", "{}").replace("[{\"object\":\"g\",\"variable\":\"v\"}]", "[]");
        assertEquals("FAIL nr invalid case: 'record' must list the recorded variables, found an empty list",
                runner().run(write("nr.json", noRecord)).line());
    }

    @Test
    void mainPrintsOneLinePerCaseThenTheSummaryAndExitsNonZeroOnFailure() throws IOException {
        write("a.json", rampCase("a", "[[0.1,1.1],[0.2,1.2],[0.3,1.3]]", "{\"abs\":1e-6,\"rel\":1e-5}"));
        write("b.json", rampCase("b", "[[9,9],[0.2,1.2],[0.3,1.3]]", "{\"abs\":1e-6,\"rel\":1e-5}"));
        write("c.json", rampCase("c", "[[0,0]]", "{}").replace("\"type\":\"Ramp\"", "\"type\":\"Nope\""));
        write("index.json", "{\"cases\":[]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConformanceMain.run(new String[] {dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length, out.toString(StandardCharsets.UTF_8));
        assertEquals("PASS a", lines[0]);
        assertTrue(lines[1].startsWith("FAIL b g.v step 1 index 0"), lines[1]);
        assertEquals("UNSUPPORTED c Nope", lines[2]);
        assertEquals("1 passed, 1 failed, 1 unsupported", lines[3]);
        assertEquals(1, code);
    }

    @Test
    void mainRejectsAMissingFolder() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ConformanceMain.run(new String[] {dir.resolve("nope").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file or folder"));
    }
}
