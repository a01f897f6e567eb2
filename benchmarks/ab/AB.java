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
 * runs) as min, lower quartile and median over the rounds. Run through benchmarks/ab.sh.
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
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = r % 2 == 0 ? k : 1 - k;
                Thread.currentThread().setContextClassLoader(loaders[v]);
                Method run = loaders[v].loadClass("org.conex.bench.BenchMain")
                        .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(bytes);
                int status = (int) run.invoke(null, new String[] {workload, "--same-jvm", "--runs", "5",
                        "--warmup-seconds", "1"}, out, out);
                out.flush();
                if (status != 0) {
                    System.err.println(bytes);
                    throw new IllegalStateException("version " + roots[v] + " exited with " + status);
                }
                for (String line : bytes.toString().split("\n")) {
                    if (line.startsWith(workload + " ")) {
                        cpu.get(v).add(Double.parseDouble(line.trim().split("\\s+")[4]));
                    }
                }
            }
        }
        for (int v = 0; v < 2; v++) {
            List<Double> x = new ArrayList<>(cpu.get(v));
            Collections.sort(x);
            System.out.printf("%s %s: CPU s min %.4f, lower quartile %.4f, median %.4f; rounds %s%n",
                    v == 0 ? "A" : "B", roots[v], x.get(0), x.get(x.size() / 4), x.get(x.size() / 2), cpu.get(v));
        }
    }
}
