/**
 * Recordings that stream to NumPy {@code .npy} files while a run goes ({@link
 * org.conex.runtime.recording.RecordingSession}, {@link org.conex.runtime.recording.NpyWriter}):
 * constant memory, headers patched at each flush so a killed run leaves readable files, and an
 * atomically replaced {@code index.json}.
 */
package org.conex.runtime.recording;
