package org.conex.launcher.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Bundle;

/**
 * Whether the framework's copy of a bundle is the given jar: the same file entries with the same
 * bytes, nothing more and nothing less. Uses {@link Bundle#getEntry} and
 * {@link Bundle#getEntryPaths} only, which read the bundle's own jar without resolving it (so no
 * code of the bundle is loaded to answer).
 */
final class BundleContent {
    private BundleContent() {
    }

    /** True when {@code bundle}'s current revision has exactly the file entries of the jar {@code bytes}. */
    static boolean matches(Bundle bundle, byte[] bytes) {
        Map<String, byte[]> jar = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && jar.put(e.getName(), in.readAllBytes()) != null) {
                    return false;
                }
            }
            if (jar.isEmpty()) {
                return false;
            }
            Set<String> inBundle = new HashSet<>();
            collect(bundle, "/", inBundle);
            if (!inBundle.equals(jar.keySet())) {
                return false;
            }
            for (Map.Entry<String, byte[]> e : jar.entrySet()) {
                URL url = bundle.getEntry(e.getKey());
                if (url == null) {
                    return false;
                }
                try (InputStream s = url.openStream()) {
                    if (!Arrays.equals(s.readAllBytes(), e.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void collect(Bundle bundle, String dir, Set<String> files) {
        Enumeration<String> paths = bundle.getEntryPaths(dir);
        while (paths != null && paths.hasMoreElements()) {
            String p = paths.nextElement();
            if (p.endsWith("/")) {
                collect(bundle, p, files);
            } else {
                files.add(p);
            }
        }
    }
}
