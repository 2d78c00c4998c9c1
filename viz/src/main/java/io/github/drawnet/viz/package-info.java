/**
 * {@link io.github.drawnet.viz.Visualizer} implementations: every figure of the notebook, as PNG and
 * SVG, and the HTML report.
 */
package io.github.drawnet.viz;
