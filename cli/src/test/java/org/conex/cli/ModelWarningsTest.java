package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings recorded by behaviors at initialization (a legal model that is probably not what the
 * user meant) reach the user: {@code validate} prints them, {@code run} shows them and writes them
 * to the run log, and neither fails.
 */
class ModelWarningsTest {
    private static final String NO_FIRE = String.join("\n",
            "network: {seed: 3}",
            "groups:",
            "  - tag: exc",
            "    size: 4",
            "    behaviors:",
            "      - {type: SimpleDendriteStructure}",
            "      - {type: SimpleDendriteComputation}",
            "      - type: LIF",
            "        params: {R: 1, threshold: -55, tau: 10, v_reset: -70, v_rest: -65, init_v: -65}",
            "");
    private static final String WARNING = "warning: LIF on 'exc': no Fire behavior on the group, so 'spikes' keeps"
            + " its initial value (0 of 4 true)";

    @TempDir
    Path work;

    @Test
    void validatePrintsTheWarningAndSucceeds() throws Exception {
        CliFixture cli = new CliFixture(work);
        CliFixture.Result r = cli.run("validate", cli.write("nofire.yaml", NO_FIRE).toString());
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.out().contains(WARNING), r.out());
        assertTrue(r.out().contains("nofire.yaml: valid"), r.out());
    }

    @Test
    void runShowsTheWarningAndLogsIt() throws Exception {
        CliFixture cli = new CliFixture(work);
        Path m = cli.write("nofire.yaml", NO_FIRE);
        CliFixture.Result r = cli.run("run", m.toString(), "--steps", "3", "--out", "w", "--progress", "none");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.all().contains(WARNING), r.all());
        assertTrue(Files.readString(work.resolve("w/run.log")).contains(WARNING));
    }

    @Test
    void aModelWithFireHasNoWarning() throws Exception {
        CliFixture cli = new CliFixture(work);
        String withFire = NO_FIRE + "      - {type: Fire}\n";
        CliFixture.Result r = cli.run("validate", cli.write("fire.yaml", withFire).toString());
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertFalse(r.all().contains("warning:"), r.all());
    }
}
