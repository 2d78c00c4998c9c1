/**
 * The library run: what every front end of Drawnet calls to go from a drawing to a finished run.
 * {@link io.github.drawnet.run.DrawingRun} reads a {@link io.github.drawnet.run.DrawingSource} (a PNG
 * file, a PNG's bytes, a preset), samples the points its settings ask for, fits the network to the classes
 * found, trains on a backend while a {@link io.github.drawnet.run.RunListener} watches (and may stop it),
 * and writes one run folder whole with {@link io.github.drawnet.run.RunWriter}: {@code metrics.json}, the
 * exports, the figures, the report and the model; or returns the result alone. {@link
 * io.github.drawnet.run.RunPrinter} prints a run as the notebook does, above a {@link
 * io.github.drawnet.run.ProgressBar}; {@link io.github.drawnet.run.Comparison} trains one set of inputs on
 * several backends and tabulates them.
 */
package io.github.drawnet.run;
