/**
 * Drawnet's benchmarks: {@link io.github.drawnet.bench.EngineBenchmark} times the engines side by side
 * on the notebook's experiment (training, steps, grid pass, start-up and memory of a whole run, beside
 * the notebook's own PyTorch code), and {@link io.github.drawnet.bench.InnerLoopBenchmark} measures
 * the inner loops with JMH. JMH is an optional dependency: it is not on the command line's path, and
 * {@code drawnet bench --jmh} starts a JVM with it. Every experiment goes through {@link
 * io.github.drawnet.api.Experiment}.
 */
package io.github.drawnet.bench;
