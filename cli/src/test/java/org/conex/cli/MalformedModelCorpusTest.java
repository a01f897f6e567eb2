package org.conex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.conex.runtime.BehaviorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a generated corpus of malformed models gets a clear error: exit code 2, a message
 * naming the place (a JSON path, or {@code $} with line and column), no stack trace, and nothing
 * written (the run is refused before a run folder exists).
 */
class MalformedModelCorpusTest {
    @TempDir
    Path work;

    @Test
    void everyMalformedModelGetsAClearErrorAndWritesNothing() throws Exception {
        List<MalformedModelCorpus.Case> cases = new MalformedModelCorpus().generate();
        assertTrue(cases.size() >= 200, "corpus has " + cases.size() + " files");
        CliFixture cli = new CliFixture(work, BehaviorRegistry.fromClassPath());
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (MalformedModelCorpus.Case c : cases) {
            Path dir = Files.createDirectory(work.resolve("case" + i++));
            Path file = dir.resolve(c.fileName());
            Files.write(file, c.bytes());
            CliFixture fixture = new CliFixture(dir, cli.registry);
            CliFixture.Result r = fixture.run("run", c.fileName(), "--progress", "none");
            String why = check(c, r, dir, file);
            if (why != null) {
                failures.add(c.name() + ": " + why + "\n    stderr: " + r.err().replace("\n", "\n    "));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " corpus files misbehaved");
    }

    private static String check(MalformedModelCorpus.Case c, CliFixture.Result r, Path dir, Path file)
            throws Exception {
        if (r.code() != ExitCode.INVALID) {
            return "exit code " + r.code() + ", expected " + ExitCode.INVALID;
        }
        String err = r.err();
        if (err.isBlank()) {
            return "no message";
        }
        if (err.contains("\tat ") || err.contains("Exception") || err.contains("internal error")) {
            return "stack trace or exception name shown";
        }
        if (!err.contains(c.fileName()) || !err.lines().skip(1).allMatch(l -> l.startsWith("  ") && l.contains(": "))) {
            return "message lines do not name the file and a path";
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> written = s.filter(p -> !p.equals(dir) && !p.equals(file)).toList();
            if (!written.isEmpty()) {
                return "wrote " + written;
            }
        }
        return null;
    }

    @Test
    void theCorpusTouchesEveryKindOfMistakeTheIssueNames() throws Exception {
        List<String> names = new MalformedModelCorpus().generate().stream().map(MalformedModelCorpus.Case::name).toList();
        for (String kind : List.of("truncated", "non-UTF-8", "deeply nested", "unknown type", "class name", "size = -1",
                "too large for memory", "wrong type", "shape", "alias bomb")) {
            assertFalse(names.stream().noneMatch(n -> n.contains(kind)), kind);
        }
    }
}
