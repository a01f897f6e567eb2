package org.conex.runtime.hotswap;

import java.util.concurrent.TimeUnit;
import org.conex.runtime.Simulation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps a {@link Simulation} on a background thread until halted, so that shells and hot-swaps
 * can act on a running network. Each step holds the simulation's step lock; model changes wait
 * for the step in progress and land before the next one. A behavior failure stops the loop and
 * is kept for {@link #failure()}.
 */
public final class RunLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);
    private final Simulation sim;
    private volatile long pauseMicros;
    private volatile long limit = Long.MAX_VALUE;
    private volatile boolean stop;
    private volatile RuntimeException failure;
    private Thread thread;

    public RunLoop(Simulation sim) {
        this.sim = sim;
    }

    /**
     * Slows the loop down to let people watch: sleeps this long after each step (0: run flat out).
     *
     * @param micros pause per step in microseconds, &gt;= 0
     */
    public RunLoop pacing(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("pacing must be >= 0 us, found " + micros);
        }
        this.pauseMicros = micros;
        return this;
    }

    /** Starts stepping (no-op if already running); runs until {@link #halt()} or a failure. */
    public synchronized void start() {
        start(Long.MAX_VALUE);
    }

    /** Starts stepping and stops by itself after {@code steps} more steps. */
    public synchronized void start(long steps) {
        if (running()) {
            return;
        }
        failure = null;
        stop = false;
        limit = steps;
        thread = new Thread(this::loop, "conex-sim");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the step in progress; returns once the thread has ended. */
    public synchronized void halt() {
        stop = true;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while the loop thread is stepping. */
    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** The failure that stopped the loop, or null. */
    public RuntimeException failure() {
        return failure;
    }

    private void loop() {
        long done = 0;
        try {
            while (!stop && done < limit) {
                sim.step();
                done++;
                long p = pauseMicros;
                if (p > 0) {
                    TimeUnit.MICROSECONDS.sleep(p);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.warn("simulation stopped at iteration {}: {}", sim.network().iteration(), e.getMessage());
        }
    }
}
