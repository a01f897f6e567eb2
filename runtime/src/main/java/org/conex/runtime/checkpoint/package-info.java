/**
 * Checkpoints: the complete state of a network between two steps in one atomically written,
 * NumPy-readable {@code .npz} file ({@link org.conex.runtime.checkpoint.CheckpointWriter}), and
 * its exact restore into a network built from the same model ({@link
 * org.conex.runtime.checkpoint.Checkpoint}), refused with every difference when the model or a
 * behavior version differs.
 */
package org.conex.runtime.checkpoint;
