package org.conex.behaviors.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same model and seed with {@code OMP_NUM_THREADS=1} and {@code 2}: the complete state after the
 * run is bit-identical, including a convolution on the GEMM path whose products are large enough
 * for OpenBLAS to use both threads (the spatial kernels pin the BLAS to one thread, see
 * {@code PinnedGemm}). Each thread count runs in a JVM of its own ({@link DeterminismProbe}),
 * because ND4J reads the variable once at start.
 *
 * <p>The plain ND4J GEMM line of the probe is reported in the failure message only: whether it
 * differs depends on the machine (on the 2-core development machine it does, which is why the
 * kernels pin the BLAS).
 */
class ThreadCountDeterminismTest {
    @Test
    void oneAndTwoThreadsGiveTheSameBits() throws Exception {
        Map<String, String> one = probe(1);
        Map<String, String> two = probe(2);

        String context = "1 thread " + one + ", 2 threads " + two;
        assertEquals(one.get("stateful"), two.get("stateful"), context);
        assertEquals(one.get("dense-conv"), two.get("dense-conv"), context);
    }

    /** Runs the probe with {@code threads} OpenMP/BLAS threads; returns its results by name. */
    private static Map<String, String> probe(int threads) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                DeterminismProbe.class.getName());
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().remove("OPENBLAS_NUM_THREADS");
        pb.environment().remove("MKL_NUM_THREADS");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "probe with " + threads + " threads did not finish");
        assertEquals(0, p.exitValue(), "probe with " + threads + " threads failed:\n" + stdout);
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 2 && List.of("raw-blas", "stateful", "dense-conv").contains(f[0])) {
                results.put(f[0], f[1]);
            }
        }
        assertEquals(List.of("raw-blas", "stateful", "dense-conv"), List.copyOf(results.keySet()), stdout);
        return results;
    }
}
