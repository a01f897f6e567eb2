import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A/B comparison of two source trees in one JVM (docs/performance.md, "measured A/B"): each tree's
 * CoNeX classes in their own class loader over one shared loader of the third-party jars (ND4J
 * loads its native library once), alternating rounds of {@code BenchMain WORKLOAD --same-jvm}, the
 * order swapped every round. Prints each version's CPU seconds (median of each round's measured
 * runs) and wall seconds as min, lower quartile and median over the rounds. Extra bench options
 * per side come from AB_ARGS_A and AB_ARGS_B (the same tree twice with AB_ARGS_A="--threads 1"
 * AB_ARGS_B="--threads 2" compares thread counts). Run through benchmarks/ab.sh.
 */
public final class AB {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: AB ROOT_A ROOT_B WORKLOAD ROUNDS");
            System.exit(2);
        }
        String[] roots = {Path.of(args[0]).toRealPath().toString(), Path.of(args[1]).toRealPath().toString()};
        String workload = args[2];
        int rounds = Integer.parseInt(args[3]);
        URLClassLoader[] loaders = new URLClassLoader[2];
        URLClassLoader thirdParty = null;
        for (int v = 0; v < 2; v++) {
            List<URL> own = new ArrayList<>();
            List<URL> third = new ArrayList<>();
            own.add(Path.of(roots[v], "benchmarks/target/classes").toUri().toURL());
            String cp = Files.readString(Path.of(roots[v], "benchmarks/target/bench-classpath.txt")).trim();
            for (String e : cp.split(java.io.File.pathSeparator)) {
                (Path.of(e).toRealPath().startsWith(roots[v]) ? own : third).add(Path.of(e).toUri().toURL());
            }
            if (thirdParty == null) {
                thirdParty = new URLClassLoader(third.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            }
            loaders[v] = new URLClassLoader(own.toArray(new URL[0]), thirdParty);
        }
        List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());
        String[][] extra = {options("AB_ARGS_A"), options("AB_ARGS_B")};
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = r % 2 == 0 ? k : 1 - k;
                Thread.currentThread().setContextClassLoader(loaders[v]);
                Method run = loaders[v].loadClass("org.conex.bench.BenchMain")
                        .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(bytes);
                List<String> argv = new ArrayList<>(List.of(workload, "--same-jvm", "--runs", "5", "--warmup-seconds", "1"));
                argv.addAll(List.of(extra[v]));
                int status = (int) run.invoke(null, argv.toArray(new String[0]), out, out);
                out.flush();
                if (status != 0) {
                    System.err.println(bytes);
                    throw new IllegalStateException("version " + roots[v] + " exited with " + status);
                }
                for (String line : bytes.toString().split("\n")) {
                    if (line.startsWith(workload + " ")) {
                        String[] f = line.trim().split("\\s+");
                        wall.get(v).add(Double.parseDouble(f[2]));
                        cpu.get(v).add(Double.parseDouble(f[4]));
                    }
                }
            }
        }
        for (int v = 0; v < 2; v++) {
            String name = (v == 0 ? "A" : "B") + " " + roots[v] + (extra[v].length == 0 ? "" : " " + String.join(" ", extra[v]));
            print(name, "CPU s (stepping thread)", cpu.get(v));
            print(name, "wall s", wall.get(v));
        }
    }

    private static void print(String name, String what, List<Double> rounds) {
        List<Double> x = new ArrayList<>(rounds);
        Collections.sort(x);
        System.out.printf("%s: %s min %.4f, lower quartile %.4f, median %.4f; rounds %s%n",
                name, what, x.get(0), x.get(x.size() / 4), x.get(x.size() / 2), rounds);
    }

    /** Extra bench options of one side, from an environment variable (e.g. AB_ARGS_B="--threads 2"). */
    private static String[] options(String variable) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? new String[0] : v.trim().split("\\s+");
    }
}
