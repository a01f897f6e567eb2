package org.conex.launcher;

import java.io.File;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: every package of the class-path jars
 * whose file name starts with one of the given prefixes (ND4J, JavaCPP, SLF4J) and whose package
 * name starts with one of the package prefixes. Bundles then import them from the system bundle,
 * so there is one copy of ND4J and its natives, and {@code INDArray} is the same class inside and
 * outside the framework (osgi.md §1.3). Jars without OSGi metadata (ND4J) are exported without a
 * version, because bnd imports their packages without a range; jars with a
 * {@code Bundle-Version} (SLF4J) are exported at that version.
 */
public final class SystemPackages {
    private SystemPackages() {
    }

    /** The header value, packages sorted; empty if nothing matched. */
    public static String scan(String classPath, List<String> jarPrefixes, List<String> packagePrefixes) throws IOException {
        Map<String, String> packages = new TreeMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            File f = new File(entry);
            if (!f.isFile() || !f.getName().endsWith(".jar") || jarPrefixes.stream().noneMatch(f.getName()::startsWith)) {
                continue;
            }
            try (JarFile jar = new JarFile(f)) {
                String version = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue("Bundle-Version");
                Enumeration<JarEntry> it = jar.entries();
                while (it.hasMoreElements()) {
                    String name = it.nextElement().getName();
                    int slash = name.lastIndexOf('/');
                    if (!name.endsWith(".class") || slash < 0 || name.startsWith("META-INF/")) {
                        continue;
                    }
                    String pkg = name.substring(0, slash).replace('/', '.');
                    if (packagePrefixes.stream().anyMatch(pkg::startsWith)) {
                        packages.putIfAbsent(pkg, version);
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        packages.forEach((p, v) -> {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p);
            if (v != null) {
                sb.append(";version=\"").append(osgiVersion(v)).append('"');
            }
        });
        return sb.toString();
    }

    /** The numeric part of a version as major.minor.micro ("2.0.17" stays, "1.5" becomes "1.5.0"). */
    static String osgiVersion(String v) {
        String[] parts = v.split("[.-]");
        int[] n = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            try {
                n[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                break;
            }
        }
        return n[0] + "." + n[1] + "." + n[2];
    }
}
