package org.conex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each workload of a multi-workload benchmark command in its own JVM: the same {@code java},
 * the same JVM options and class path as this one, and the same environment (so
 * {@code OMP_NUM_THREADS}, {@code GLIBC_TUNABLES} and the heap caps of the launcher apply), with
 * the command's options and one workload name. That is what a user's run of one model looks like,
 * and it keeps the workloads from disturbing each other: a kernel shared by two workloads (the
 * column update of STDP, the row sums) is otherwise compiled for the first one's profile and runs
 * slower in the second (conex-1k took 0.019 s alone and 0.021-0.025 s after izhikevich), and the
 * peak resident memory of a workload is its own process's.
 *
 * <p>Each child prints its result line (and profile) without the header; it writes its JSON to a
 * temporary file that this class reads back and merges. The child's standard error is copied to
 * this command's.
 */
final class ForkedRuns {
    /** The hidden option that makes BenchMain print as a child: no header, no start-up line. */
    static final String CHILD_OPTION = "--child";

    private final List<String> options;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper mapper;

    /**
     * @param options the command's options to pass on (everything but the names and {@code --json})
     * @param out     receives the children's result lines
     * @param err     receives the children's standard error
     * @param mapper  reads the children's JSON
     */
    ForkedRuns(List<String> options, PrintStream out, PrintStream err, ObjectMapper mapper) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.mapper = mapper;
    }

    /** The outcome of one child: its exit status and its JSON document (null if it wrote none). */
    record Child(int status, JsonNode json) {
    }

    /**
     * Runs workload {@code name} in a child JVM and relays its output.
     *
     * @throws IOException if the child cannot be started or its JSON cannot be read
     */
    Child run(String name) throws IOException {
        Path json = Files.createTempFile("conex-bench-" + name + "-", ".json");
        Process p = null;
        try {
            List<String> cmd = new ArrayList<>(javaCommand());
            cmd.add(BenchMain.class.getName());
            cmd.add(name);
            cmd.addAll(options);
            cmd.add(CHILD_OPTION);
            cmd.add("--json");
            cmd.add(json.toString());
            p = new ProcessBuilder(cmd).start();
            Process child = p;
            p.getOutputStream().close();
            Thread errors = new Thread(() -> copy(child.getErrorStream(), err), "bench-" + name + "-stderr");
            errors.setDaemon(true);
            errors.start();
            copy(p.getInputStream(), out);
            int status = p.waitFor();
            errors.join(10_000);
            JsonNode doc = Files.size(json) > 0 ? mapper.readTree(json.toFile()) : null;
            return new Child(status, doc);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for workload " + name, e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly(); // relaying failed or we were interrupted: never leave a workload running
            }
            Files.deleteIfExists(json);
        }
    }

    /**
     * {@code java} of this JVM with its options (less a debugger agent, whose port the child
     * could not bind) and its class path.
     */
    static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    private static void copy(InputStream in, PrintStream to) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                to.println(line);
            }
            to.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
