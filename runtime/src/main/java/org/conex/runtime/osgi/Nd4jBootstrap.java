package org.conex.runtime.osgi;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes sure ND4J is initialised with a thread context class loader that can see its backend.
 * ND4J captures the context class loader once, in a static initialiser, and later finds its
 * backend through {@code ServiceLoader} with it (osgi.md P1); on an OSGi thread that loader is a
 * bundle's and the backend is not found. The launcher initialises ND4J on its main thread before
 * Felix starts; this class covers every other launcher (bnd, tests, embedding).
 */
public final class Nd4jBootstrap {
    private static volatile boolean done;

    private Nd4jBootstrap() {
    }

    /** Initialises ND4J once, with the context class loader set to ND4J's own loader. */
    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (Nd4jBootstrap.class) {
            if (done) {
                return;
            }
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(Nd4j.class.getClassLoader());
            try {
                Nd4j.scalar(0f);
            } finally {
                t.setContextClassLoader(before);
            }
            done = true;
        }
    }
}
