package org.conex.runtime.conformance;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conex.runtime.BehaviorRegistry;

/**
 * Command line: {@code conformance [--seed S] DIR_OR_FILE...}. Prints one line per case and the
 * summary {@code N passed, M failed[, K unsupported]}; exit code 0 when nothing failed, 1 when a
 * case failed, 2 on a usage error (no such folder, no case files).
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs with the providers on the class path and returns the exit code (for embedding and tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, BehaviorRegistry.fromClassPath());
    }

    /** Runs with the behaviors of {@code registry} (the platform's, fed by bundles) and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, BehaviorRegistry registry) {
        long seed = 0;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--seed")) {
                    seed = Long.parseLong(args[++i]);
                } else if (args[i].equals("-h") || args[i].equals("--help")) {
                    out.println("usage: conformance [--seed S] DIR_OR_CASE.json...");
                    out.println("Runs conformance case files and prints PASS/FAIL/UNSUPPORTED per case.");
                    return 0;
                } else {
                    Path p = Path.of(args[i]);
                    if (Files.isDirectory(p)) {
                        files.addAll(ConformanceRunner.caseFiles(p));
                    } else if (Files.isRegularFile(p)) {
                        files.add(p);
                    } else {
                        err.println("conformance: no such file or folder: " + p);
                        return 2;
                    }
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            err.println("conformance: --seed needs an integer");
            return 2;
        } catch (java.io.IOException e) {
            err.println("conformance: cannot list cases: " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            err.println("conformance: no case files given (usage: conformance DIR_OR_CASE.json...)");
            return 2;
        }
        ConformanceRunner runner = new ConformanceRunner(registry, seed);
        List<CaseResult> results = new ArrayList<>();
        for (Path f : files) {
            CaseResult r = runner.run(f);
            results.add(r);
            out.println(r.line());
            out.flush();
        }
        out.println(ConformanceRunner.summary(results));
        return results.stream().anyMatch(r -> r.status() == CaseResult.Status.FAIL) ? 1 : 0;
    }
}
