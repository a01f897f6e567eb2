package org.conex.cli.run;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines for logs and CI: one line every 10% of the run or every 30 seconds,
 * whichever comes first: {@code progress: step 4500/10000 (45%), 1234 steps/s, ETA 4s}.
 */
public final class ProgressLog implements Progress {
    private static final long EVERY_NS = 30_000_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private long first;
    private long last;
    private long t0;
    private long lastLine;
    private long nextStep;

    /** @param clock nanosecond clock */
    public ProgressLog(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void start(long first, long last) {
        this.first = first;
        this.last = last;
        this.t0 = clock.getAsLong();
        this.lastLine = t0;
        this.nextStep = first + tenth() - 1;
    }

    private long tenth() {
        return Math.max(1, (last - first + 1) / 10);
    }

    @Override
    public void step(long t) {
        long now = clock.getAsLong();
        if (t >= nextStep || now - lastLine >= EVERY_NS) {
            print(t, now);
            lastLine = now;
            while (nextStep <= t) {
                nextStep += tenth();
            }
        }
    }

    private void print(long t, long now) {
        long total = Math.max(1, last - first + 1);
        long done = t - first + 1;
        double secs = (now - t0) / 1e9;
        double rate = secs > 0 ? done / secs : Double.NaN;
        double eta = rate > 0 ? (last - t) / rate : Double.NaN;
        out.printf("progress: step %d/%d (%d%%), %s steps/s, ETA %s%n", t, last, (int) (100.0 * done / total),
                Progress.rate(rate), Progress.duration(eta));
        out.flush();
    }

    @Override
    public void finish(long t) {
        double secs = (clock.getAsLong() - t0) / 1e9;
        out.printf("progress: finished at step %d after %s%n", t, Progress.duration(secs));
        out.flush();
    }
}
