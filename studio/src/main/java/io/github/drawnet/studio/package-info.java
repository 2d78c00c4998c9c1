/**
 * The drawing studio: a local web page where a person draws the region, sets the experiment and
 * watches the network learn live. {@link io.github.drawnet.studio.StudioServer} serves the page and a
 * small JSON API with server-sent events; each browser tab has its own session (its run, its live
 * events, its downloads). Figures go through the {@link io.github.drawnet.viz.Visualizer} the server
 * is given; settings are read by the library's one parser, and the page takes its defaults from the
 * server. Engines are warmed up in the background before a page's first Start; {@link
 * io.github.drawnet.studio.FirstMapBenchmark} times Start to first live map through the HTTP API.
 */
package io.github.drawnet.studio;
