/**
 * The command line: thin wiring of the library with one Guice injector made in {@link
 * io.github.drawnet.app.Main}, picocli commands, and Logback configured so that a run shows its own
 * output only. Backends are reached only through {@link io.github.drawnet.api.Backends}.
 */
package io.github.drawnet.app;
