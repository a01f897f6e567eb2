package org.conex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark command's plumbing (no timing assertions). */
class BenchMainTest {
    @TempDir
    Path dir;

    @Test
    void twoWorkloadsRunEachInItsOwnJvmAndTheJsonIsMerged() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("r.json");
        int code = BenchMain.run(new String[] {"conex-1k", "izhikevich", "--runs", "1", "--warmup", "1",
            "--warmup-seconds", "0", "--threads", "2", "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
        String[] lines = text.split("\n");
        assertEquals("kernel threads: 2 (the caller and 1 helper; --threads 1 for one)", lines[0], text);
        assertTrue(lines[1].startsWith("workload"), text);
        assertTrue(lines[2].startsWith("conex-1k") && lines[2].contains("exc_spikes=20976"), text);
        assertTrue(lines[3].startsWith("izhikevich") && lines[3].contains("spikes=8003"), text);
        assertTrue(lines[4].startsWith("start-up (conex-1k, seconds since JVM start): command entered"), text);
        assertEquals(1, text.split("kernel threads").length - 1, "the children do not repeat it: " + text);
        assertEquals(1, text.split("sim s median").length - 1, "one header: " + text);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, doc.path("workloads").size());
        assertEquals(2, doc.path("threads").asInt(), doc.toString());
        assertEquals("izhikevich", doc.path("workloads").get(1).path("name").asText());
        assertTrue(doc.path("startup_seconds_since_jvm_start").has("first_step_done"), doc.toString());
    }

    @Test
    void childCommandIsThisJvmsJavaWithItsClassPath() {
        var cmd = ForkedRuns.javaCommand();
        assertTrue(cmd.get(0).endsWith("java"), cmd.toString());
        assertEquals(System.getProperty("java.class.path"), cmd.get(cmd.size() - 1));
        assertEquals("-cp", cmd.get(cmd.size() - 2));
    }
}
