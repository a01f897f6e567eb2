package org.conex.cli.run;

import java.io.PrintStream;

/**
 * Reports how far a run is. On a terminal a redrawn bar with percentage, rate and ETA
 * ({@link ProgressBar}); elsewhere (CI, batch jobs, a pipe) a plain log line every 10% or 30 s
 * ({@link ProgressLog}).
 */
public interface Progress {
    /** The run goes from step {@code first} to step {@code last} inclusive. */
    void start(long first, long last);

    /** Step {@code t} has completed. Cheap enough to call after every step. */
    void step(long t);

    /** The run ended after step {@code t} (completed or not). */
    void finish(long t);

    /** Nothing shown. */
    Progress NONE = new Progress() {
        @Override
        public void start(long first, long last) {
        }

        @Override
        public void step(long t) {
        }

        @Override
        public void finish(long t) {
        }
    };

    /**
     * The reporter for a mode: "bar", "log", "none", or "auto" (a bar when a console is attached,
     * log lines otherwise).
     */
    static Progress forMode(String mode, PrintStream err) {
        switch (mode) {
            case "bar": return new ProgressBar(err, System::nanoTime);
            case "log": return new ProgressLog(err, System::nanoTime);
            case "none": return NONE;
            default: return System.console() != null ? new ProgressBar(err, System::nanoTime)
                    : new ProgressLog(err, System::nanoTime);
        }
    }

    /** "1:02:03", "4:05" or "7s". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%d:%02d", s / 60, s % 60);
        }
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** "1234" or "12.3k" steps per second. */
    static String rate(double perSecond) {
        if (!Double.isFinite(perSecond)) {
            return "?";
        }
        return perSecond >= 10000 ? String.format("%.1fk", perSecond / 1000) : String.format("%.0f", perSecond);
    }
}
