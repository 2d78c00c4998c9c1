/**
 * Drawnet's files, for library users as for the command line: {@link io.github.drawnet.io.SavedModel}
 * (write, read, and resume or restart on any backend, bit-exact), {@link
 * io.github.drawnet.io.MetricsFile} ({@code metrics.json}: write and read) and {@link
 * io.github.drawnet.io.Exports} ({@code points.csv}, {@code parameters.json}, {@code history.csv}).
 * The files share one JSON form for what they have in common (the drawing as {@code drawing.name} and
 * {@code drawing.sha256}, the data's provenance, network, training settings, history, parameters);
 * every file is written atomically, and every reader refuses a damaged file with one line that names
 * the file and the field.
 */
package io.github.drawnet.io;
