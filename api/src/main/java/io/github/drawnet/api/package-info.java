/**
 * The stable contracts of Drawnet, what library users call: the data a drawing yields ({@link
 * io.github.drawnet.api.Dataset}, {@link io.github.drawnet.api.DataSplits}, {@link
 * io.github.drawnet.api.Drawing}), the network and how it is trained ({@link
 * io.github.drawnet.api.NetworkSpec}, {@link io.github.drawnet.api.TrainingConfig}, {@link
 * io.github.drawnet.api.Parameters}), the settings with the notebook's defaults and their one parser
 * ({@link io.github.drawnet.api.ExperimentSettings}, {@link io.github.drawnet.api.Setting}), the
 * experiment's lifecycle ({@link io.github.drawnet.api.Experiment}, and {@link
 * io.github.drawnet.api.Experiments} on top of it; sweeps are drawnet-grading's), the
 * engine-facing interfaces ({@link io.github.drawnet.api.Model}, {@link io.github.drawnet.api.Trainer},
 * the {@link io.github.drawnet.api.spi.Backend} SPI and its {@link io.github.drawnet.api.Backends}
 * registry), the listener told of training ({@link io.github.drawnet.api.TrainingListener}), and the
 * engine-neutral pieces every backend
 * shares so that they all see the very same numbers: input features computed in Java, initial
 * parameters made from the seed, and the per-epoch batch order. Backend authors extend {@code
 * io.github.drawnet.api.spi}; {@code io.github.drawnet.api.internal} is internal. This package depends
 * on no engine, no AWT and no logging backend.
 */
package io.github.drawnet.api;
