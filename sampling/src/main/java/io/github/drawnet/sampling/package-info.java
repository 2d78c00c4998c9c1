/**
 * From a picture to points: {@link io.github.drawnet.sampling.DrawingReader} reads a PNG (alpha
 * channel, or ink darkness where there is none) into a {@link io.github.drawnet.api.Drawing}, one
 * class per ink colour when it is drawn in several ({@link io.github.drawnet.sampling.ClassReading}), {@link
 * io.github.drawnet.sampling.Preset} draws the built-in drawings in code, and {@link
 * io.github.drawnet.sampling.Sampler} draws seeded uniform pixels from a drawing into training,
 * validation and test sets with their provenance.
 */
package io.github.drawnet.sampling;
