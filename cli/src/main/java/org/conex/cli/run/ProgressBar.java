package org.conex.cli.run;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place (carriage return) at most ten times a second:
 * {@code [#########...........]  45%  4500/10000 steps  1234 steps/s  ETA 4s}. The rate is the
 * average since the start of this run (steady for simulations, whose steps cost about the same).
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NS = 100_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private long first;
    private long last;
    private long t0;
    private long lastDraw;

    /** @param clock nanosecond clock (System::nanoTime; a fake one in tests) */
    public ProgressBar(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void start(long first, long last) {
        this.first = first;
        this.last = last;
        this.t0 = clock.getAsLong();
        this.lastDraw = Long.MIN_VALUE;
    }

    @Override
    public void step(long t) {
        long now = clock.getAsLong();
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NS && t != last) {
            return;
        }
        lastDraw = now;
        out.print("\r" + line(t, now));
        out.flush();
    }

    /** The bar for step t at time now (package-visible for tests). */
    String line(long t, long now) {
        long total = Math.max(1, last - first + 1);
        long done = t - first + 1;
        double frac = Math.min(1, Math.max(0, done / (double) total));
        int filled = (int) Math.round(frac * WIDTH);
        double secs = (now - t0) / 1e9;
        double rate = secs > 0 ? done / secs : Double.NaN;
        double eta = rate > 0 ? (last - t) / rate : Double.NaN;
        return String.format("[%s%s] %3d%%  %d/%d steps  %s steps/s  ETA %s ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), (int) Math.floor(frac * 100), t, last, Progress.rate(rate),
                Progress.duration(eta));
    }

    @Override
    public void finish(long t) {
        long now = clock.getAsLong();
        out.print("\r" + line(t, now));
        out.println();
        out.flush();
    }
}
