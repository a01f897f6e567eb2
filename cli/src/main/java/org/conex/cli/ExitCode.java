package org.conex.cli;

/**
 * The exit codes of every {@code conex} command (documented in {@code docs/cli.md}).
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>the run failed: a behavior threw, NaN/Inf appeared in the state, a conformance case
 *       failed, or writing results failed mid-run (a final checkpoint and the recordings are kept)</td></tr>
 *   <tr><td>2</td><td>usage or model error: unknown option, invalid model file or {@code --set}, nothing ran</td></tr>
 *   <tr><td>3</td><td>checkpoint error: the checkpoint is unreadable, damaged or from an incompatible model or
 *       plugin version</td></tr>
 *   <tr><td>4</td><td>input/output error before the run: a file cannot be read or the run folder cannot be
 *       created</td></tr>
 *   <tr><td>130</td><td>interrupted (Ctrl-C) after writing a final checkpoint</td></tr>
 * </table>
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The run (or a conformance case) failed. */
    public static final int RUN_FAILED = 1;
    /** Usage error or invalid model; nothing ran. */
    public static final int INVALID = 2;
    /** The checkpoint cannot be used. */
    public static final int CHECKPOINT = 3;
    /** A file cannot be read or written before the run. */
    public static final int IO = 4;
    /** Interrupted by the user; a final checkpoint was written. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
