package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conex.cli.model.StructuresExtension;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every complete model in docs/model-format.md validates and runs a few steps. */
class DocsExamplesTest {
    @TempDir
    Path work;

    static List<String> yamlBlocks(Path doc) throws Exception {
        List<String> blocks = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : Files.readAllLines(doc)) {
            if (cur == null && line.equals("```yaml")) {
                cur = new StringBuilder();
            } else if (cur != null && line.equals("```")) {
                blocks.add(cur.toString());
                cur = null;
            } else if (cur != null) {
                cur.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void everyExampleOfTheModelFormatRuns() throws Exception {
        Path doc = Path.of("..", "docs", "model-format.md");
        List<String> blocks = yamlBlocks(doc);
        assertEquals(5, blocks.size(), "examples in " + doc);
        BehaviorRegistry registry = BehaviorRegistry.fromClassPath();
        int i = 0;
        for (String yaml : blocks) {
            Path m = work.resolve("example" + i++ + ".yaml");
            Files.writeString(m, yaml);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), registry, List.of(new StructuresExtension()), work);
            int code = ConexCli.run(new String[] {"run", m.toString(), "--steps", "30", "--progress", "none"}, ctx);
            assertEquals(ExitCode.OK, code, "example " + (i - 1) + ":\n" + err.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("completed 30 steps"));
        }
    }
}
