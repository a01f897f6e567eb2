package org.conex.behaviors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.conformance.CaseResult;
import org.conex.runtime.conformance.ConformanceRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the conformance runner over the golden corpus in ../shared/golden (recorded from the Python
 * reference): one dynamic test per case; FAIL fails, UNSUPPORTED is reported as skipped.
 */
class GoldenConformanceTest {
    /**
     * The corpus: {@code conex.shared.dir} (set by the build to ../shared beside the checkout), else
     * the first {@code shared/golden} found walking up from the working directory.
     */
    static Path goldenDir() {
        Path p = Path.of(System.getProperty("conex.shared.dir", "../shared"), "golden");
        for (Path d = Path.of("").toAbsolutePath(); !Files.isDirectory(p) && d != null; d = d.getParent()) {
            p = d.resolve("shared").resolve("golden");
        }
        return p;
    }

    @Test
    void corpusIsPresentAndNonEmpty() throws IOException {
        Path dir = goldenDir();
        assertTrue(Files.isDirectory(dir), "golden corpus not found at " + dir.toAbsolutePath());
        assertTrue(ConformanceRunner.caseFiles(dir).size() >= 40, "expected the 40 public cases");
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        ConformanceRunner runner = new ConformanceRunner(BehaviorRegistry.fromClassPath(), 0);
        List<Path> files = ConformanceRunner.caseFiles(goldenDir());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CaseResult r = runner.run(f);
            switch (r.status()) {
                case PASS:
                    assertEquals("", r.detail());
                    break;
                case UNSUPPORTED:
                    Assumptions.abort(r.line());
                    break;
                default:
                    fail(r.line());
            }
        }));
    }
}
