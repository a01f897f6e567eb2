package org.conex.runtime.model;

/**
 * The {@code run} section.
 *
 * @param steps           number of steps to simulate (default 1000)
 * @param checkpointEvery write a checkpoint every this many steps (0: never; default 0)
 * @param checkEvery      scan all state for NaN/Inf every this many steps (0: never; default 100)
 * @param flushEvery      flush recordings to disk every this many steps (default 100)
 */
public record RunSpec(long steps, long checkpointEvery, long checkEvery, long flushEvery) {
    /** The defaults: 1000 steps, no checkpoints, health check and flush every 100 steps. */
    public static final RunSpec DEFAULT = new RunSpec(1000, 0, 100, 100);
}
